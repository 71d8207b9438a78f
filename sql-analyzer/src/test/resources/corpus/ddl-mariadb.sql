-- dialect: mariadb
-- DDL without a query, classified from its tokens; storage that reads files or other servers stays UNKNOWN.

-- case: create table with keys, defaults and options
-- kind: DDL/CREATE_TABLE
-- writes: t
-- hazards: none
CREATE TABLE IF NOT EXISTS t (id INT NOT NULL AUTO_INCREMENT, name VARCHAR(255) COLLATE utf8mb4_unicode_ci DEFAULT NULL, created DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (id), UNIQUE KEY uk_name (name(100)), KEY idx_created (created), CONSTRAINT fk FOREIGN KEY (id) REFERENCES users (id) ON DELETE CASCADE) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4

-- case: virtual and persistent columns
-- kind: DDL/CREATE_TABLE
CREATE TABLE t (a INT, b INT AS (a * 2) PERSISTENT, c VARCHAR(10) AS (concat(a, 'x')) VIRTUAL, j JSON CHECK (JSON_VALID(j)))

-- case: partitioned table
-- kind: DDL/CREATE_TABLE
CREATE TABLE t (id INT, d DATE) PARTITION BY RANGE (YEAR(d)) (PARTITION p0 VALUES LESS THAN (2020), PARTITION p1 VALUES LESS THAN MAXVALUE)

-- case: create table like
-- kind: DDL/CREATE_TABLE
-- reads: users
CREATE TABLE t3 LIKE users

-- case: alter table
-- kind: DDL/ALTER_TABLE
-- writes: users
ALTER TABLE users ADD COLUMN x INT DEFAULT 0 AFTER name, ADD INDEX idx_x (x), MODIFY COLUMN name VARCHAR(100) NOT NULL, ENGINE=InnoDB

-- case: rename tables
-- kind: DDL/RENAME_TABLE
RENAME TABLE users TO people4, orders TO o2

-- case: create index with a prefix length
-- kind: DDL/CREATE_INDEX
CREATE INDEX idx ON users (name(10))

-- case: connect engine reads files
-- unknown: storage engine
CREATE TABLE t (id INT) ENGINE=CONNECT TABLE_TYPE=CSV FILE_NAME='/etc/passwd'

-- case: federated engine reads another server
-- unknown: storage engine
CREATE TABLE t (id INT) ENGINE=FEDERATED CONNECTION='mysql://u@h/db/users'

-- case: merge engine exposes other tables
-- unknown: storage engine
CREATE TABLE t (id INT) ENGINE=MERGE UNION=(users)

-- case: a default computed from another column copies it into every row
-- unknown: default that is not a constant
ALTER TABLE users ADD COLUMN c VARCHAR(20) DEFAULT (concat(ssn))

-- case: a virtual column over an existing column
-- unknown: computed column
ALTER TABLE users ADD COLUMN c VARCHAR(20) AS (ssn) VIRTUAL

-- case: repartitioning evaluates expressions over existing rows
-- unknown: PARTITION BY
ALTER TABLE users PARTITION BY HASH (id) PARTITIONS 4

-- case: exchanging a partition moves rows between tables
-- unknown: TABLE beyond its object type
ALTER TABLE users EXCHANGE PARTITION p0 WITH TABLE orders
