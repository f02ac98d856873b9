// Where the widget keeps the draft id, its resume token and the submit's Idempotency-Key: the embedding
// page's localStorage, under a key scoped by the API base so two deployments on one portal do not mix.
// Storage can be missing or throw (private mode, blocked cookies); the widget then works for this page
// view only.

export interface StoredDraft {
  draftId: string;
  token: string;
  /** Generated once per draft, so a repeated submit (lost response, double click) yields one report. */
  idempotencyKey: string;
}

export type DraftStore = ReturnType<typeof draftStore>;

export function draftStore(apiBase: string) {
  const key = `cc-labor-report:${apiBase}`;
  let memory: StoredDraft | undefined;

  function storage(): Storage | undefined {
    try {
      return window.localStorage;
    } catch {
      return undefined;
    }
  }

  return {
    load(): StoredDraft | undefined {
      try {
        const raw = storage()?.getItem(key);
        const v = raw ? (JSON.parse(raw) as Partial<StoredDraft>) : memory;
        if (typeof v?.draftId === 'string' && typeof v.token === 'string' && typeof v.idempotencyKey === 'string') {
          return { draftId: v.draftId, token: v.token, idempotencyKey: v.idempotencyKey };
        }
      } catch {
        // unreadable entry: treated as none
      }
      return undefined;
    },
    save(d: StoredDraft) {
      memory = d;
      try {
        storage()?.setItem(key, JSON.stringify(d));
      } catch {
        // quota or blocked storage: the in-memory copy still serves this page view
      }
    },
    clear() {
      memory = undefined;
      try {
        storage()?.removeItem(key);
      } catch {
        // nothing to clear
      }
    },
  };
}

/** 128 random bits as hex; crypto.getRandomValues also works on plain-http portals, unlike randomUUID. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let hex = 'w-';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}
