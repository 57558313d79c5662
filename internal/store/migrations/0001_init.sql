-- The organisation's settings: one row. revision goes up on every change of
-- the settings or of the "not a problem" list, so replicas notice changes.
CREATE TABLE org_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    locale TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    packs TEXT NOT NULL DEFAULT '',
    config TEXT NOT NULL DEFAULT '',
    require_reason INTEGER NOT NULL DEFAULT 0,
    revision BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL DEFAULT 0
);
INSERT INTO org_settings (id) VALUES (1) ON CONFLICT DO NOTHING;

-- API keys: only the SHA-256 of the secret part is kept.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT NOT NULL DEFAULT 0
);

-- Findings the organisation marked "not a problem": fingerprints and a reason, never post text.
CREATE TABLE org_ignore (
    fingerprint TEXT PRIMARY KEY,
    reason TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);

-- Anonymous counts for the dashboard.
CREATE TABLE check_counts (
    day TEXT NOT NULL,
    verdict TEXT NOT NULL,
    n BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, verdict)
);
CREATE TABLE risk_counts (
    day TEXT NOT NULL,
    category TEXT NOT NULL,
    pack TEXT NOT NULL,
    n BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, category, pack)
);
