import { MESSAGE_STATUSES } from '@heatmap/geo';
import { type Static, Type } from '@sinclair/typebox';
import { FiltersSchema, NO_CONTROL_CHARACTERS, Nullable, PARAMETER_HINTS, StringEnum } from './common';
import { CellPlaceSchema } from './places';

export const MAX_PAGE_LIMIT = 500;

export const CellParamsSchema = Type.Object({
  h3: Type.String({ pattern: '^[0-9a-fA-F]{15,16}$', description: PARAMETER_HINTS.h3 }),
});

export const QueryCellMessagesSchema = Type.Composite([
  FiltersSchema,
  Type.Object({
    cursor: Type.Optional(
      Type.String({ pattern: '^[A-Za-z0-9_-]{1,200}$', description: PARAMETER_HINTS.cursor }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: 50, description: PARAMETER_HINTS.limit }),
    ),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: NO_CONTROL_CHARACTERS,
        description: `${PARAMETER_HINTS.q}; case-insensitive substring of title, text or address`,
      }),
    ),
  }),
]);
export type QueryCellMessages = Static<typeof QueryCellMessagesSchema>;

export const MessageParamsSchema = Type.Object({
  id: Type.String({ pattern: '^[1-9][0-9]{0,17}$', description: PARAMETER_HINTS.id }),
});

export const MessageSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  answeredAt: Nullable(Type.String({ format: 'date-time' })),
  resolvedAt: Nullable(Type.String({ format: 'date-time' })),
  category: Type.String(),
  source: Type.String(),
  status: StringEnum(MESSAGE_STATUSES),
  statusRaw: Nullable(Type.String()),
  title: Nullable(Type.String()),
  text: Nullable(Type.String()),
  address: Nullable(Type.String()),
  executor: Nullable(Type.String()),
  url: Nullable(Type.String()),
  districtId: Nullable(Type.Integer()),
  district: Nullable(Type.String()),
  street: Nullable(
    Type.String({
      description:
        'The street of the address (house and flat numbers stripped), in its most written spelling',
    }),
  ),
  lat: Type.Number(),
  lon: Type.Number(),
});
export type Message = Static<typeof MessageSchema>;

export const MessagePageSchema = Type.Object({
  messages: Type.Array(MessageSchema),
  nextCursor: Nullable(Type.String({ description: 'Pass as cursor for the next page; null on the last' })),
  place: CellPlaceSchema,
});
export type MessagePage = Static<typeof MessagePageSchema>;
