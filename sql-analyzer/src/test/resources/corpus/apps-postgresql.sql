-- dialect: postgresql
-- SQL as Hibernate, Spark's JDBC source and common tools generate it.

-- case: hibernate 6 find by id
-- out: id = users.id
-- out: dept_id = users.dept_id
-- out: email = users.email
-- out: name = users.name
-- out: salary = users.salary
-- out: ssn = users.ssn
-- use: WHERE users.id
select u1_0.id,u1_0.dept_id,u1_0.email,u1_0.name,u1_0.salary,u1_0.ssn from users u1_0 where u1_0.id=?

-- case: hibernate 6 join fetch with paging
-- out: id = orders.id
-- out: amount = orders.amount
-- out: id = users.id
-- out: name = users.name
select o1_0.id,o1_0.amount,u1_0.id,u1_0.name from orders o1_0 join users u1_0 on u1_0.id=o1_0.user_id where o1_0.amount>? order by o1_0.id offset ? rows fetch first ? rows only

-- case: hibernate 5 aliases
-- out: id1_0_ = users.id
-- out: email2_0_ = users.email
select user0_.id as id1_0_, user0_.email as email2_0_ from users user0_ where user0_.id=?

-- case: hibernate insert
-- kind: DML/INSERT
-- flow: users.dept_id ~
-- flow: users.email ~
-- flow: users.name ~
-- flow: users.salary ~
-- flow: users.ssn ~
-- flow: users.id ~
insert into users (dept_id,email,name,salary,ssn,id) values (?,?,?,?,?,?)

-- case: hibernate update
-- kind: DML/UPDATE
-- flow: users.email ~
-- flow: users.name ~
update users set email=?,name=? where id=?

-- case: hibernate delete
-- kind: DML/DELETE
delete from users where id=?

-- case: hibernate count
-- out: count ~
select count(*) from users u1_0

-- case: hibernate sequence
-- fn: nextval SCALAR
select nextval('users_seq')

-- case: hibernate exists subquery
select u1_0.id from users u1_0 where exists(select 1 from orders o1_0 where o1_0.user_id=u1_0.id)

-- case: hibernate in list
select u1_0.id,u1_0.name from users u1_0 where u1_0.id in (?,?,?)

-- case: hibernate left join with case
-- out: c1 ~ orders.id
select case when o1_0.id is not null then 1 else 0 end c1 from users u1_0 left join orders o1_0 on o1_0.user_id=u1_0.id

-- case: spark schema probe
-- out: id = users.id
-- out: ssn = users.ssn
-- bound: 1
SELECT * FROM (SELECT id, ssn FROM users) SPARK_GEN_SUBQ_0 WHERE 1=0

-- case: spark partition read first partition
-- out: id = users.id
-- out: ssn = users.ssn
-- use: WHERE users.id
SELECT "id","ssn" FROM users WHERE "id" < 1000 or "id" is null

-- case: spark partition read middle partition
-- out: id = users.id
-- out: ssn = users.ssn
SELECT "id","ssn" FROM users WHERE "id" >= 1000 AND "id" < 2000

-- case: spark partition read over a query
-- out: id = users.id
-- out: email ~ users.email
SELECT "id","email" FROM (SELECT id, lower(email) AS email FROM users) SPARK_GEN_SUBQ_1 WHERE "id" >= 2000

-- case: spark count
-- out: count ~
SELECT count(*) FROM (SELECT * FROM users) SPARK_GEN_SUBQ_2

-- case: spark predicate pushdown with quoted names
-- use: WHERE users.email
SELECT "id","name" FROM users WHERE ("email" IS NOT NULL) AND ("email" = 'a@b.c')

-- case: flink lookup
select id, name from users where id = ?

-- case: dbeaver style metadata query
-- hazard: SYSTEM_RELATION
SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relkind = 'r'

-- case: notebook style aggregate
-- out: name = depts.name
-- out: total ~ users.salary
-- out: n ~
SELECT d.name, sum(u.salary) AS total, count(*) AS n FROM users u JOIN depts d ON d.id = u.dept_id GROUP BY d.name ORDER BY total DESC

-- case: hibernate 6 contains search: a parameter right before || (JSqlParser reads ?| as a JSON operator)
-- out: id = users.id
-- use: WHERE users.email
select u1_0.id from users u1_0 where u1_0.email like ('%'||?||'%') escape '\'

-- case: hibernate 6 in-list as an array parameter
-- out: id = users.id
-- fn: any SCALAR
select u1_0.id from users u1_0 where u1_0.id=any(?)

-- case: a doubled question mark is pgjdbc's escape for the ? operator, not a parameter
-- unknown: not understood
select u1_0.id from users u1_0 where u1_0.name ?? 'k'

-- case: hibernate 6 schema export
-- kind: DDL/ALTER_TABLE
-- writes: orders
alter table if exists orders add constraint FKabc foreign key (user_id) references users

-- case: spark aggregate pushdown
-- out: max ~ users.salary
-- out: count ~
select MAX("salary"),COUNT(*) FROM users WHERE ("dept_id" IS NOT NULL)

-- case: spark create table for a write
-- kind: DDL/CREATE_TABLE
-- writes: spark_out
CREATE TABLE spark_out ("id" INTEGER , "name" TEXT , "amount" NUMERIC(10,2) )

-- case: spark truncate for an overwrite
-- kind: DDL/TRUNCATE
-- writes: users
TRUNCATE TABLE ONLY users

-- case: migration tool advisory lock
-- fn: pg_try_advisory_lock SCALAR
-- hazards: none
SELECT pg_try_advisory_lock(77431)

-- case: show the isolation level
-- kind: UTILITY/SHOW
-- hazards: none
SHOW TRANSACTION ISOLATION LEVEL
