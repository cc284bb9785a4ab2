-- The identity policy (plain hashes refused or not, the timestamp window) becomes a setting like
-- any other, changeable after creation through the API and `workspace set`. The settings JSON is
-- its one home; the columns go.
UPDATE workspaces SET settings = json_set(
    settings,
    '$.require_timestamp', json(CASE WHEN require_timestamp THEN 'true' ELSE 'false' END),
    '$.timestamp_window_secs', timestamp_window_secs
);
ALTER TABLE workspaces DROP COLUMN require_timestamp;
ALTER TABLE workspaces DROP COLUMN timestamp_window_secs;
