-- A neighbourhood's renovation status on a day, from what is recorded: its status today and its
-- renovation window. Before the window opens a renovation under way or done was approved; inside
-- the window it was under construction; after it closes it is as recorded now. Never beyond the
-- recorded status, so a day to come shows no progress that has not been reported (a window running
-- late stays under construction).
CREATE OR REPLACE FUNCTION neighbourhood_status_at(p_status text, p_start date, p_end date, p_day date)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH ladder(s) AS (SELECT ARRAY['planned', 'approved', 'under_construction', 'completed', 'accepted']),
       by_dates(s) AS (
         SELECT CASE
           WHEN p_day IS NULL OR p_start IS NULL THEN p_status
           WHEN p_day < p_start THEN 'approved'
           WHEN p_day <= p_end THEN 'under_construction'
           ELSE p_status
         END)
  SELECT l.s[least(array_position(l.s, p_status), array_position(l.s, d.s))]
    FROM ladder l, by_dates d
$$;
