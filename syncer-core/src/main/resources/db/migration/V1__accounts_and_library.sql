-- Accounts, login sessions and movie libraries.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+. Lengths are generous upper bounds;
-- the services enforce the documented, smaller limits.

CREATE TABLE accounts (
  id            UUID                     NOT NULL PRIMARY KEY,
  username      VARCHAR(64)              NOT NULL,
  -- lower-case (ASCII) username: uniqueness and look-up ignore case
  username_key  VARCHAR(64)              NOT NULL,
  password_hash VARCHAR(512)             NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT accounts_username_key_unique UNIQUE (username_key)
);

CREATE TABLE sessions (
  id                          UUID                     NOT NULL PRIMARY KEY,
  account_id                  UUID                     NOT NULL
    REFERENCES accounts (id) ON DELETE CASCADE,
  -- hex SHA-256 of the current and of the previous (rotated) refresh token
  refresh_token_hash          VARCHAR(64)              NOT NULL,
  previous_refresh_token_hash VARCHAR(64),
  created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
  refresh_expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT sessions_refresh_token_hash_unique UNIQUE (refresh_token_hash)
);
CREATE INDEX sessions_previous_refresh_token_hash_idx ON sessions (previous_refresh_token_hash);
CREATE INDEX sessions_account_idx ON sessions (account_id);
CREATE INDEX sessions_refresh_expires_at_idx ON sessions (refresh_expires_at);

CREATE TABLE movies (
  id           UUID                     NOT NULL PRIMARY KEY,
  owner_id     UUID                     NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  title        VARCHAR(1000)            NOT NULL,
  -- lower-cased title: search and ordering ignore case the same way on every database
  title_key    VARCHAR(1000)            NOT NULL,
  description  VARCHAR(20000)           NOT NULL,
  release_year INTEGER,
  info_hash    VARCHAR(40)              NOT NULL,
  magnet_uri   VARCHAR(131072)          NOT NULL,
  file_index   INTEGER,
  added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT movies_owner_info_hash_unique UNIQUE (owner_id, info_hash)
);
CREATE INDEX movies_owner_title_idx ON movies (owner_id, title_key);

-- Uploaded .torrent files, apart so listings never read them.
CREATE TABLE movie_torrent_files (
  movie_id UUID  NOT NULL PRIMARY KEY REFERENCES movies (id) ON DELETE CASCADE,
  content  BYTEA NOT NULL
);

CREATE TABLE movie_files (
  movie_id   UUID          NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
  file_index INTEGER       NOT NULL,
  file_path  VARCHAR(8192) NOT NULL,
  size_bytes BIGINT        NOT NULL,
  PRIMARY KEY (movie_id, file_index)
);

CREATE TABLE movie_tags (
  movie_id UUID        NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
  tag      VARCHAR(64) NOT NULL,
  PRIMARY KEY (movie_id, tag)
);
CREATE INDEX movie_tags_tag_idx ON movie_tags (tag);

CREATE TABLE movie_ratings (
  movie_id   UUID                     NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
  account_id UUID                     NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  rating     INTEGER                  NOT NULL,
  rated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (movie_id, account_id),
  CONSTRAINT movie_ratings_range CHECK (rating BETWEEN 1 AND 10)
);

CREATE TABLE movie_comments (
  id         UUID                     NOT NULL PRIMARY KEY,
  movie_id   UUID                     NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
  author_id  UUID                     NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  body       VARCHAR(10000)           NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  edited_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX movie_comments_movie_idx ON movie_comments (movie_id, created_at);
