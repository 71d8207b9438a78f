-- overlay and the other functions the parser reads specially
SELECT overlay(label placing 'xx' from 2 for 3) FROM lg_items ORDER BY id
SELECT overlay(label placing 'xx' from 2) AS o FROM lg_items ORDER BY id
SELECT overlay('abcdef' placing 'zz' from 3 for 1)
SELECT substring(label from 2 for 2), position('o' in label), trim(both 'x' from label) FROM lg_items ORDER BY id
SELECT trim(leading from label), extract(year from date '2024-03-01') FROM lg_items ORDER BY id
-- table functions and their column names
SELECT * FROM generate_series(1, 3)
SELECT * FROM json_each('{"a": 1, "b": 2}')
SELECT key, value FROM jsonb_each_text('{"a": 1}')
SELECT * FROM json_array_elements('[1, 2]')
SELECT value FROM jsonb_array_elements_text('["x", "y"]')
SELECT * FROM json_object_keys('{"a": 1, "b": 2}')
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b'])
SELECT * FROM string_to_table('a,b', ',')
SELECT i.label, g FROM lg_items i CROSS JOIN generate_series(1, 2) g ORDER BY 1, 2
-- JSON aggregates
SELECT json_object_agg(label, qty) FROM lg_items
SELECT json_agg(label ORDER BY id) FROM lg_items
