-- Who a session cookie belongs to, asked on every request: PL/pgSQL, so its plan is kept for the
-- session instead of the join being planned each time. Null for an unknown, expired or disabled one.
CREATE OR REPLACE FUNCTION session_user_json(p_token_hash text) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT row_to_json(x)
            FROM (SELECT u.id, u.email, u.role, u.organisation_id AS "organisationId", o.name AS "organisationName",
                         u.display_name AS "displayName", u.city_code AS "cityCode"
                    FROM user_session s
                    JOIN app_user u ON u.id = s.user_id
                    LEFT JOIN organisation o ON o.id = u.organisation_id
                   WHERE s.token_hash = p_token_hash AND s.expires_at > now() AND NOT u.disabled) x);
END $$;
