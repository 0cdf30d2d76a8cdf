import { ServiceClient } from '@azure/core-client';
import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/index.js';
import { clientOptionsFor, tokenFor } from '../../emulator/testing.js';

/** Helpers for the emulator's Azure Resource Graph tests: raw POSTs through the real core-client pipeline. */
export type User = { oid: string; tid: string };
export type Json = Record<string, any>;

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Json;
}

export const GRAPH_OPERATION = 'POST resourceGraph.resources';

/** POST …/providers/Microsoft.ResourceGraph/resources with the user's token (bearer policy, TLS, default retries). */
export function graphFor(emulator: RunningEmulator, user: User, apiVersion = '2024-04-01'): (body: unknown) => Promise<Answer> {
  const client = new ServiceClient({ credential: tokenFor(user), ...clientOptionsFor(emulator) });
  return async (body) => {
    const response = await client.sendRequest(createPipelineRequest({
      url: `${emulator.url}/providers/Microsoft.ResourceGraph/resources?api-version=${apiVersion}`,
      method: 'POST',
      body: JSON.stringify(body),
      headers: createHttpHeaders({ 'content-type': 'application/json' }),
    }));
    return { status: response.status, headers: response.headers.toJSON(), body: JSON.parse(response.bodyAsText ?? 'null') };
  };
}

export function byId<T extends { id?: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => ((a.id ?? '') < (b.id ?? '') ? -1 : (a.id ?? '') > (b.id ?? '') ? 1 : 0));
}

export async function withEmulator<T>(options: EmulatorOptions, body: (emulator: RunningEmulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator(options);
  try {
    return await body(emulator);
  } finally {
    await emulator.stop();
  }
}
