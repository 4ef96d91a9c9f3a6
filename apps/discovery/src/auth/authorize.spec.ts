import { authorize, type RegistryRequest } from './authorize';
import type { Caller } from './caller';

const fares: Caller = { kind: 'client', apps: new Set(['FARES']), statusApps: new Set() };
const lifecycle: Caller = { kind: 'client', apps: new Set(['LIFECYCLE']), statusApps: new Set(['FARES']) };
const operator: Caller = { kind: 'operator' };
const peer: Caller = { kind: 'peer' };
const anonymous: Caller = { kind: 'anonymous' };

const write = (app: string, replication = false): RegistryRequest => ({
  method: 'PUT',
  path: '/eureka/apps/:app/:id/status',
  app,
  replication,
});
const read: RegistryRequest = { method: 'GET', path: '/eureka/apps', replication: false };
const batch: RegistryRequest = { method: 'POST', path: '/eureka/peerreplication/batch', replication: true };

describe('authorize', () => {
  it("lets a service's account write its own application only", () => {
    expect(authorize(fares, write('FARES'), false)).toBeUndefined();
    expect(authorize(fares, write('BOOKING'), false)).toEqual({
      status: 403,
      reason: 'this account may not write BOOKING',
    });
    expect(authorize(fares, { method: 'POST', path: '/elsewhere', replication: false }, false)).toEqual({
      status: 403,
      reason: 'this account may not write here',
    });
  });

  it("lets an account granted FARES:status change FARES instances' status overrides and nothing else", () => {
    expect(authorize(lifecycle, write('FARES'), false)).toBeUndefined();
    expect(authorize(lifecycle, { ...write('FARES'), method: 'DELETE' }, false)).toBeUndefined();
    for (const path of ['/eureka/apps/:app', '/eureka/apps/:app/:id', '/eureka/apps/:app/:id/metadata'])
      expect(authorize(lifecycle, { ...write('FARES'), path }, false)).toEqual({
        status: 403,
        reason: 'this account may not write FARES',
      });
    expect(authorize(lifecycle, write('BOOKING'), false)).toMatchObject({ status: 403 });
  });

  it('lets the operator write any application, but not replicate', () => {
    expect(authorize(operator, write('BOOKING'), false)).toBeUndefined();
    expect(authorize(operator, batch, false)).toEqual({
      status: 403,
      reason: 'only the peer account replicates',
    });
  });

  it('keeps the peer account to replication: batches and writes marked as replicated', () => {
    expect(authorize(peer, batch, false)).toBeUndefined();
    expect(authorize(peer, write('BOOKING', true), false)).toBeUndefined();
    expect(authorize(peer, write('BOOKING'), false)).toEqual({
      status: 403,
      reason: 'the peer account only replicates',
    });
  });

  it('refuses replication to a service account, whatever header it sends', () => {
    expect(authorize(fares, batch, false)).toEqual({
      status: 403,
      reason: 'only the peer account replicates',
    });
  });

  it('answers 401 to a write without an account, and to a read only when reads require one', () => {
    expect(authorize(anonymous, write('FARES'), false)).toEqual({ status: 401 });
    expect(authorize(anonymous, batch, false)).toEqual({ status: 401 });
    expect(authorize(anonymous, read, false)).toBeUndefined();
    expect(authorize(anonymous, read, true)).toEqual({ status: 401 });
    for (const caller of [fares, operator, peer]) expect(authorize(caller, read, true)).toBeUndefined();
  });
});
