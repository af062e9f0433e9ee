-- Request counters shared by every replica when the app runs on a Postgres server (rate-limiter-flexible's table
-- layout: key, points used in the window, window end in epoch milliseconds). The embedded database counts in memory.
CREATE TABLE rate_limit (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
