"""The tables of the run state (``.papersum/state.sqlite``): the schema of a new state, and the
columns later versions added, which ``Store`` adds to an older state when it opens it."""

SCHEMA_VERSION = 11

SCHEMA = """
CREATE TABLE IF NOT EXISTS papers (
    key TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    list_line INTEGER NOT NULL,
    status TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    summary_file TEXT,
    pdf_sha256 TEXT,
    backend TEXT,
    model TEXT,
    prompt_sha256 TEXT,
    verdict TEXT,
    score INTEGER,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS arxiv_papers (
    arxiv_id TEXT PRIMARY KEY,
    paper TEXT,
    fetched TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS arxiv_searches (
    query TEXT PRIMARY KEY,
    arxiv_ids TEXT NOT NULL,
    fetched TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS lookups (
    service TEXT NOT NULL,
    query TEXT NOT NULL,
    records TEXT NOT NULL,
    fetched TEXT NOT NULL,
    PRIMARY KEY (service, query)
);
CREATE TABLE IF NOT EXISTS inbox_matches (
    fingerprint TEXT NOT NULL,
    query TEXT NOT NULL,
    file TEXT NOT NULL,
    PRIMARY KEY (fingerprint, query)
);
CREATE TABLE IF NOT EXISTS model_answers (
    cache_key TEXT PRIMARY KEY,
    answer TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pdf_titles (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    title TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS decisions (
    key TEXT PRIMARY KEY,
    decision TEXT NOT NULL,
    list_line INTEGER NOT NULL,
    decided TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS examples (
    key TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    relevant INTEGER NOT NULL,
    source TEXT NOT NULL,
    list_line INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS calibration (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    judged INTEGER NOT NULL,
    agreed INTEGER NOT NULL,
    auc REAL,
    calibrated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS model_calls (
    id INTEGER PRIMARY KEY,
    paper_sha256 TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_sha256 TEXT NOT NULL,
    kind TEXT NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    seconds REAL NOT NULL,
    outcome TEXT NOT NULL,
    created TEXT NOT NULL
);
"""


ADDED_COLUMNS = (  # columns later schemas added to earlier tables: (table, column, declaration)
    ("papers", "rationale", "TEXT NOT NULL DEFAULT ''"),  # 4
    ("papers", "text_sha256", "TEXT"),  # 5: hash of the extracted text
    ("papers", "summary_sha256", "TEXT"),  # 5: hash of the page as written
    ("papers", "resolution", "TEXT"),  # 5: the PaperRef, as JSON
    ("model_calls", "cost_usd", "REAL"),  # 5: estimated from prices.toml, when the model is there
    ("model_calls", "counted_by", "TEXT"),  # 8: who counted the tokens: server, estimate, none
    ("model_calls", "server", "TEXT"),  # 8: the server family and base URL
)
