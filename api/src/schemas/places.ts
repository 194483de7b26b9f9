import { type Static, Type } from '@sinclair/typebox';
import { NO_CONTROL_CHARACTERS, Nullable } from './common';

/** A cell's place in words (api/src/queries/places-query.ts): over all its messages, not the filters. */
export const CellPlaceSchema = Type.Object({
  district: Nullable(Type.String({ description: "The most frequent district of the cell's messages" })),
  street: Nullable(
    Type.String({
      description:
        "The most frequent street of the cell's messages (house and flat numbers stripped, spelling variants merged, named by the most written spelling). Public: only when at least 5 of the cell's messages name it",
    }),
  ),
  label: Nullable(
    Type.String({ description: '"district, street", either alone; null when neither is known' }),
  ),
});
export type CellPlace = Static<typeof CellPlaceSchema>;

export const QueryPlacesSchema = Type.Object({
  q: Type.String({
    minLength: 1,
    maxLength: 100,
    pattern: NO_CONTROL_CHARACTERS,
    description: 'a street or district name, or its beginning (1 to 100 characters)',
  }),
});
export type QueryPlaces = Static<typeof QueryPlacesSchema>;

export const PlaceSuggestionSchema = Type.Object({
  kind: Type.Union([Type.Literal('street'), Type.Literal('district')]),
  name: Type.String(),
  bbox: Type.Array(Type.Number(), {
    minItems: 4,
    maxItems: 4,
    description:
      'west, south, east, north: a district its outline, a street the cells its messages fall in (public: those where at least 5 name it)',
  }),
});

export const PlaceSuggestionsSchema = Type.Object({
  suggestions: Type.Array(PlaceSuggestionSchema, {
    description:
      'Districts, then streets seen in addresses (most messages first), from our own data only; a municipal account gets its own districts only',
  }),
});
export type PlaceSuggestions = Static<typeof PlaceSuggestionsSchema>;
