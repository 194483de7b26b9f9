import { Type } from '@sinclair/typebox';

export const HealthSchema = Type.Object({ status: Type.Literal('ok') });

const DatabaseStatusSchema = Type.Object({
  role: Type.Union([Type.Literal('primary'), Type.Literal('replica')]),
  name: Type.Optional(Type.String({ description: 'host:port/database of a replica' })),
  status: Type.Union([Type.Literal('ok'), Type.Literal('lagging'), Type.Literal('unreachable')], {
    description:
      'ok: serves reads; lagging: further behind than 30 s, serves none; unreachable: did not answer within 1 s, or is not a replica',
  }),
  reason: Type.Optional(Type.String()),
  lagSeconds: Type.Optional(
    Type.Number({
      description: 'seconds since the last replayed commit; 0 when all received WAL is replayed',
    }),
  ),
  lagBytes: Type.Optional(
    Type.Number({ description: 'WAL the primary wrote that the replica has not replayed' }),
  ),
});

export const ReadySchema = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  reason: Type.Optional(Type.String()),
  /** Only with DATABASE_READ_URL: the primary and each replica. A replica down leaves the API ready. */
  databases: Type.Optional(Type.Array(DatabaseStatusSchema)),
});
