-- Schema version 4: applications that sign in with a certificate. `exosh app add` keeps
-- each certificate an application may sign its client assertions with (the public
-- certificate only, as Entra keeps it), and each assertion a server accepted is spent
-- (its jti recorded until it expires), so none is accepted twice.
-- Frozen: never edit; a change to the schema is a new numbered file.

CREATE TABLE app_certificates (
    app_id TEXT NOT NULL COLLATE NOCASE,
    thumbprint TEXT NOT NULL COLLATE NOCASE,
    thumbprint_sha256 TEXT NOT NULL COLLATE NOCASE,
    subject TEXT NOT NULL,
    not_before INTEGER NOT NULL,
    not_after INTEGER NOT NULL,
    certificate BLOB NOT NULL,
    added TEXT NOT NULL,
    PRIMARY KEY (app_id, thumbprint_sha256)
);
CREATE TABLE spent_assertions (
    app_id TEXT NOT NULL COLLATE NOCASE,
    jti TEXT NOT NULL,
    expires INTEGER NOT NULL,
    PRIMARY KEY (app_id, jti)
);
CREATE INDEX spent_assertions_expires ON spent_assertions(expires);
