import { Type } from '@sinclair/typebox';

export const StreamHeadersSchema = Type.Object({
  'last-event-id': Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,18}$',
      description:
        'The id of the last event received (a data_version): the stream starts with what came after',
    }),
  ),
});
