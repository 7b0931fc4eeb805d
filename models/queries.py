"""Queries written as plain, portable SQL, for readers that run before the ORM is loaded."""

#: The workshop list: one row per workshop with its counts and the titles of its current phase.
#: Parameters: ``include_deleted`` (0 or 1).
WORKSHOP_LIST_SQL = """
SELECT w.id, w.title, w.held_on, w.place, w.template_key, w.created_at, w.deleted_at,
       (SELECT count(*) FROM idea i WHERE i.workshop_id = w.id AND i.deleted_at IS NULL) AS ideas,
       (SELECT count(*) FROM participant p WHERE p.workshop_id = w.id AND p.deleted_at IS NULL) AS people,
       (SELECT ph.titles FROM phase ph WHERE ph.workshop_id = w.id AND ph.state = 'active'
        ORDER BY ph.position LIMIT 1) AS phase_titles
FROM workshop w
WHERE :include_deleted = 1 OR w.deleted_at IS NULL
ORDER BY CASE WHEN w.held_on IS NULL THEN 1 ELSE 0 END, w.held_on DESC, w.created_at DESC
"""
