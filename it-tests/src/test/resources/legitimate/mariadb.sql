-- JSON aggregates
SELECT JSON_OBJECTAGG(label, qty) FROM lg_items
SELECT JSON_ARRAYAGG(label) FROM lg_items
-- XML functions
SELECT EXTRACTVALUE('<a><b>x</b></a>', '/a/b')
SELECT EXTRACTVALUE(doc, '/a') FROM lg_items ORDER BY id
SELECT UPDATEXML('<a><b>x</b></a>', '/a/b', '<c>y</c>')
-- CREATE TABLE … SELECT without AS
CREATE TABLE lg_copy SELECT id, label FROM lg_items
CREATE TABLE lg_copy AS SELECT id, label FROM lg_items
-- functions the parser reads specially
SELECT SUBSTRING(label FROM 2 FOR 2), POSITION('o' IN label), TRIM(LEADING 'x' FROM label) FROM lg_items ORDER BY id
SELECT GROUP_CONCAT(label ORDER BY id SEPARATOR ';') FROM lg_items
