-- Knowledge-base articles, in Markdown, searched with FTS5 and shown on the portal.
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    -- The address part: /p/<workspace>/kb/<slug>.
    slug         TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    category     TEXT,
    published    BOOLEAN NOT NULL DEFAULT FALSE,
    -- `public`, or `signed_in`: only for verified users of the widget.
    visibility   TEXT    NOT NULL DEFAULT 'public',
    views        BIGINT  NOT NULL DEFAULT 0,
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL,
    UNIQUE (workspace_id, slug)
);

CREATE VIRTUAL TABLE article_text USING fts5(
    title, body, content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO article_text (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO article_text (article_text, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO article_text (article_text, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO article_text (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
