import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { API_BASE, type Entity } from '../pluginId';
import type { ConnectionSettings, ConnectionStatus, Run, RunKind, SettingsUpdate, SyncLogEntry, SyncLogFilters, SyncLogPage } from './types';

/** The plugin's admin API, with the admin's JWT (useFetchClient) and unwrapped `{ data }` bodies. */
export function useCommerceBridgeApi() {
  const { get, post, put } = useFetchClient();

  return React.useMemo(
    () => ({
      status: async () => (await get<{ data: ConnectionStatus }>(`${API_BASE}/status`)).data.data,

      syncLogs: async (page: number, pageSize: number, filters: SyncLogFilters, entryDocumentId?: string) =>
        (await get<SyncLogPage>(`${API_BASE}/sync-logs`, { params: { page, pageSize, ...filters, entryDocumentId } })).data,

      retry: async (documentId: string) =>
        (await post<{ data: SyncLogEntry }>(`${API_BASE}/sync-logs/${encodeURIComponent(documentId)}/retry`)).data.data,

      syncDocument: async (entity: Entity, documentId: string) =>
        (await post<{ data: SyncLogEntry }>(`${API_BASE}/documents/${entity}/${encodeURIComponent(documentId)}/sync`)).data.data,

      startRun: async (kind: RunKind) => (await post<{ data: Run }>(`${API_BASE}/${kind}`, {})).data.data,

      run: async (kind: RunKind, id: string) => (await get<{ data: Run }>(`${API_BASE}/${kind}/${encodeURIComponent(id)}`)).data.data,

      settings: async () => (await get<{ data: ConnectionSettings }>(`${API_BASE}/settings`)).data.data,

      saveSettings: async (update: SettingsUpdate) =>
        (await put<{ data: ConnectionSettings }>(`${API_BASE}/settings`, update)).data.data,
    }),
    [get, post, put]
  );
}

export type CommerceBridgeApi = ReturnType<typeof useCommerceBridgeApi>;
