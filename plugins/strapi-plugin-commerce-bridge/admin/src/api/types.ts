import type { Entity } from '../pluginId';

export interface ConnectionStatus {
  medusa_url: string | null;
  reachable: boolean;
  /** null when Medusa could not be asked (unreachable or not configured). */
  secret_valid: boolean | null;
  error: string | null;
  latency_ms: number;
}

export type Direction = 'to_medusa' | 'from_medusa';
export type Outcome = 'pending' | 'succeeded' | 'skipped' | 'failed';

export interface SyncLogEntry {
  documentId: string;
  direction: Direction;
  entity: Entity;
  trigger: string;
  outcome: Outcome;
  medusa_id: string | null;
  entry_document_id: string | null;
  http_status: number | null;
  error: string | null;
  attempts: number;
  next_attempt_at: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
}

export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

export interface SyncLogPage {
  results: SyncLogEntry[];
  pagination: Pagination;
}

export interface SyncLogFilters {
  outcome?: Outcome;
  direction?: Direction;
  entity?: Entity;
}

export type RunKind = 'pulls' | 'pushes';

/** A "Push all content" or "Pull catalogue from Medusa" run (pulls also name their entities). */
export interface Run {
  id: string;
  status: 'running' | 'completed' | 'failed';
  entities?: string[];
  total: number;
  done: number;
  failed: number;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

export type SettingsSource = 'admin' | 'config' | null;

export interface ConnectionSettings {
  medusa_url: string | null;
  medusa_url_source: SettingsSource;
  webhook_secret_set: boolean;
  webhook_secret_source: SettingsSource;
}

export interface SettingsUpdate {
  medusa_url?: string;
  webhook_secret?: string;
}
