-- table functions: SYSTEM_RANGE returns X, UNNEST returns C1 … Cn
SELECT * FROM SYSTEM_RANGE(1, 10)
SELECT X FROM SYSTEM_RANGE(1, 10, 3) ORDER BY X
SELECT i.label, r.X FROM lg_items i JOIN SYSTEM_RANGE(1, 2) r ON r.X = i.id ORDER BY 1
SELECT COUNT(*) FROM lg_items, SYSTEM_RANGE(1, 3)
SELECT C1 FROM UNNEST(ARRAY[1, 2, 3]) ORDER BY C1
SELECT * FROM UNNEST(ARRAY[1, 2], ARRAY['a', 'b'])
-- MERGE … KEY: H2's upsert
MERGE INTO lg_items KEY(id) VALUES (1, 'uno', 11, 'd1')
MERGE INTO lg_items (id, label) KEY(id) VALUES (9, 'nine')
MERGE INTO lg_items (id, label, qty) KEY(id) VALUES (2, 'two', 20), (8, 'eight', 80)
MERGE INTO lg_items (id, label) KEY(id) SELECT id + 100, label FROM lg_items
-- JSON aggregates
SELECT JSON_OBJECTAGG(label: qty) FROM lg_items
SELECT JSON_ARRAYAGG(label ORDER BY id) FROM lg_items
-- functions the parser reads specially
SELECT SUBSTRING(label FROM 2 FOR 2), POSITION('o', label), TRIM(BOTH 'x' FROM label) FROM lg_items ORDER BY id
SELECT EXTRACT(YEAR FROM DATE '2024-03-01'), LISTAGG(label, ',') WITHIN GROUP (ORDER BY id) FROM lg_items
