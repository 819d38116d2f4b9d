-- The catalog of named queries that every Orleans ADO.NET provider loads at start-up.
-- The providers select QueryKey and QueryText from the unquoted name OrleansQuery, which PostgreSQL folds to
-- orleansquery, so every identifier in these files stays unquoted. Each statement can run again without error.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey varchar(64) NOT NULL,
    QueryText text NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
