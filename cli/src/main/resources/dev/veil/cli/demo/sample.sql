-- Veil demo data: entirely fictitious people. E-mail domains are example.* (reserved for documentation),
-- card numbers are the networks' published test numbers.
CREATE TABLE customers (
    id INT PRIMARY KEY,
    full_name VARCHAR(80) NOT NULL,
    email VARCHAR(120) NOT NULL,
    phone VARCHAR(30),
    ssn VARCHAR(11),
    birth_date DATE,
    street_address VARCHAR(120),
    city VARCHAR(40),
    country CHAR(2),
    signup_ip VARCHAR(45),
    loyalty_points INT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE TABLE orders (
    id INT PRIMARY KEY,
    customer_id INT NOT NULL REFERENCES customers(id),
    ordered_at TIMESTAMP NOT NULL,
    total DECIMAL(10, 2) NOT NULL,
    card_number VARCHAR(19) NOT NULL,
    status VARCHAR(12) NOT NULL
);
CREATE TABLE support_tickets (
    id INT PRIMARY KEY,
    customer_id INT NOT NULL REFERENCES customers(id),
    opened_at TIMESTAMP NOT NULL,
    subject VARCHAR(120) NOT NULL,
    body VARCHAR(2000) NOT NULL
);
COMMENT ON COLUMN support_tickets.body IS 'veil:free_text';

INSERT INTO customers VALUES (1, 'Ava Müller', 'ava.muller36@example.org', '+33 6 908 9980', '359-22-2691', DATE '1957-05-16', '42 Ulica Długa', 'Lyon', 'FR', '203.51.2.246', 4875, TIMESTAMP '2023-05-12 13:42:00');
INSERT INTO customers VALUES (2, 'Liam Nakamura', 'liam.nakamura45@example.org', '+1 512 716 1890', '237-87-3442', DATE '1971-12-18', '39 Hauptstraße', 'Boston', 'US', '203.51.240.21', 3035, TIMESTAMP '2023-08-27 21:54:00');
INSERT INTO customers VALUES (3, 'Noah Okafor', 'noah.okafor67@example.net', '+1 512 541 0413', '380-48-6303', DATE '1969-07-03', '159 Avenida da Liberdade', 'Austin', 'US', '198.18.89.34', 3557, TIMESTAMP '2023-07-11 11:24:00');
INSERT INTO customers VALUES (4, 'Emma Kim', 'emma.kim56@example.org', '+81 90 631 0323', '484-51-7904', DATE '1969-08-31', '182 Bahnhofstraße', 'Osaka', 'JP', '192.18.124.225', 3779, TIMESTAMP '2023-12-07 17:40:00');
INSERT INTO customers VALUES (5, 'Olivia Schmidt', 'olivia.schmidt76@example.net', '+81 90 470 1234', '186-40-3139', DATE '1985-03-14', '218 Hauptstraße', 'Osaka', 'JP', '198.0.175.254', 2168, TIMESTAMP '2023-08-15 04:41:00');
INSERT INTO customers VALUES (6, 'Mateo Okafor', 'mateo.okafor51@example.org', '+48 501 589 5044', '571-17-8498', DATE '1978-02-28', '159 Avenida da Liberdade', 'Gdansk', 'PL', '198.0.69.106', 4386, TIMESTAMP '2024-07-10 01:50:00');
INSERT INTO customers VALUES (7, 'Sofia Müller', 'sofia.muller29@example.org', '+81 90 202 5633', '042-77-3844', DATE '1955-09-22', '65 Rua das Flores', 'Osaka', 'JP', '203.0.126.191', 1397, TIMESTAMP '2024-02-29 22:45:00');
INSERT INTO customers VALUES (8, 'Lucas Ahmed', 'lucas.ahmed77@example.net', '+81 90 856 1868', '268-64-1253', DATE '1993-01-14', '78 Rua das Flores', 'Osaka', 'JP', '192.0.156.173', 378, TIMESTAMP '2024-06-29 10:04:00');
INSERT INTO customers VALUES (9, 'Mia Fernandes', 'mia.fernandes82@example.com', '+39 347 814 3313', '233-28-2722', DATE '1954-09-08', '52 Sakura-dori', 'Turin', 'IT', '192.18.110.12', 4157, TIMESTAMP '2023-01-26 18:02:00');
INSERT INTO customers VALUES (10, 'Elias García', 'elias.garcia39@example.org', '+33 6 379 2845', '488-35-5131', DATE '1996-12-11', '147 Avenida da Liberdade', 'Lyon', 'FR', '198.18.58.245', 1712, TIMESTAMP '2024-02-10 16:16:00');
INSERT INTO customers VALUES (11, 'Chloe García', 'chloe.garcia68@example.com', '+81 90 952 3094', '252-38-3671', DATE '1973-04-01', '240 Rue de la Paix', 'Osaka', 'JP', '203.51.118.4', 2650, TIMESTAMP '2024-02-21 02:15:00');
INSERT INTO customers VALUES (12, 'Hugo Kowalski', 'hugo.kowalski77@example.org', '+351 91 973 6124', '528-48-9607', DATE '1955-03-03', '196 Sakura-dori', 'Porto', 'PT', '192.51.71.132', 2300, TIMESTAMP '2023-06-24 05:15:00');
INSERT INTO customers VALUES (13, 'Ines Jensen', 'ines.jensen71@example.org', '+49 151 329 9087', '478-05-4414', DATE '1978-05-31', '139 Sakura-dori', 'Berlin', 'DE', '203.0.25.156', 3797, TIMESTAMP '2023-03-01 09:42:00');
INSERT INTO customers VALUES (14, 'Leo Ahmed', 'leo.ahmed55@example.net', '+1 512 224 1223', '500-48-3897', DATE '1983-06-01', '211 Rua das Flores', 'Austin', 'US', '198.51.233.38', 4137, TIMESTAMP '2024-08-17 23:28:00');
INSERT INTO customers VALUES (15, 'Nora Müller', 'nora.muller91@example.org', '+49 151 395 1683', '365-70-0104', DATE '1978-12-16', '168 Rua das Flores', 'Berlin', 'DE', '198.18.200.75', 2137, TIMESTAMP '2024-07-04 01:01:00');
INSERT INTO customers VALUES (16, 'Omar Fernandes', 'omar.fernandes31@example.net', '+81 90 588 3172', '450-24-3723', DATE '1981-08-22', '124 Ulica Długa', 'Osaka', 'JP', '203.0.255.151', 2742, TIMESTAMP '2024-08-29 03:29:00');
INSERT INTO customers VALUES (17, 'Yuki Fernandes', 'yuki.fernandes27@example.com', '+49 151 950 4756', '019-81-8759', DATE '1990-04-08', '39 Hauptstraße', 'Munich', 'DE', '192.0.1.187', 3753, TIMESTAMP '2023-06-15 13:28:00');
INSERT INTO customers VALUES (18, 'Zara O''Brien', 'zara.obrien26@example.org', '+39 347 822 8857', '470-19-1634', DATE '1975-10-14', '184 Rua das Flores', 'Turin', 'IT', '203.51.231.53', 3230, TIMESTAMP '2023-04-17 07:22:00');
INSERT INTO customers VALUES (19, 'Ivan Lindqvist', 'ivan.lindqvist90@example.com', '+1 512 593 8812', '287-33-4778', DATE '1980-03-30', '188 Sakura-dori', 'Austin', 'US', '203.51.102.216', 1942, TIMESTAMP '2023-02-17 07:59:00');
INSERT INTO customers VALUES (20, 'Lena Jensen', 'lena.jensen53@example.com', '+351 91 422 7174', '017-82-9056', DATE '1987-02-21', '15 Avenida da Liberdade', 'Lisbon', 'PT', '192.18.95.123', 3285, TIMESTAMP '2023-01-25 02:10:00');
INSERT INTO customers VALUES (21, 'Priya Kowalski', 'priya.kowalski43@example.com', '+33 6 513 8862', '122-12-5465', DATE '1959-09-20', '139 Avenida da Liberdade', 'Lyon', 'FR', '203.51.229.181', 4794, TIMESTAMP '2023-05-07 12:20:00');
INSERT INTO customers VALUES (22, 'Kofi Petrov', 'kofi.petrov91@example.org', '+1 512 730 8393', '464-42-2345', DATE '1966-03-23', '123 Maple Avenue', 'Boston', 'US', '198.51.24.83', 3344, TIMESTAMP '2023-08-14 02:57:00');
INSERT INTO customers VALUES (23, 'Aiko Petrov', 'aiko.petrov2@example.com', '+351 91 138 6072', '369-65-6604', DATE '1978-04-13', '191 Rue de la Paix', 'Lisbon', 'PT', '203.0.115.63', 247, TIMESTAMP '2023-01-01 18:06:00');
INSERT INTO customers VALUES (24, 'Diego Haddad', 'diego.haddad61@example.com', '+351 91 673 0156', '073-74-8048', DATE '1957-06-27', '59 Bahnhofstraße', 'Lisbon', 'PT', '198.0.237.162', 1227, TIMESTAMP '2023-08-10 11:38:00');
INSERT INTO customers VALUES (25, 'Freya Ahmed', 'freya.ahmed9@example.com', '+81 90 272 4823', '656-20-7665', DATE '1994-11-09', '201 Maple Avenue', 'Osaka', 'JP', '192.18.248.221', 2219, TIMESTAMP '2023-09-28 03:20:00');
INSERT INTO customers VALUES (26, 'Jonas Dubois', 'jonas.dubois35@example.org', '+49 151 927 9189', '504-90-3945', DATE '1951-09-28', '178 Avenida da Liberdade', 'Munich', 'DE', '192.0.154.24', 4227, TIMESTAMP '2023-06-30 08:07:00');
INSERT INTO customers VALUES (27, 'Maya Ahmed', 'maya.ahmed64@example.net', '+81 90 153 3336', '345-31-3600', DATE '1977-02-21', '160 Elm Street', 'Osaka', 'JP', '198.18.152.152', 63, TIMESTAMP '2023-10-26 08:20:00');
INSERT INTO customers VALUES (28, 'Rafael O''Brien', 'rafael.obrien84@example.net', '+33 6 252 1363', '131-04-3136', DATE '1958-08-30', '236 Avenida da Liberdade', 'Lyon', 'FR', '198.0.108.12', 4837, TIMESTAMP '2023-10-10 11:10:00');
INSERT INTO customers VALUES (29, 'Sara Dubois', 'sara.dubois84@example.net', '+49 151 359 6550', '319-16-0627', DATE '1985-11-23', '149 Rua das Flores', 'Munich', 'DE', '192.18.219.43', 1608, TIMESTAMP '2024-07-27 07:56:00');
INSERT INTO customers VALUES (30, 'Tariq García', 'tariq.garcia43@example.net', '+81 90 214 2443', '178-81-3472', DATE '1951-06-21', '150 Sakura-dori', 'Osaka', 'JP', '198.51.157.58', 4769, TIMESTAMP '2024-07-24 23:30:00');
INSERT INTO customers VALUES (31, 'Vera Müller', 'vera.muller63@example.org', '+351 91 887 0891', '330-91-8701', DATE '1986-03-10', '77 Avenida da Liberdade', 'Lisbon', 'PT', '203.51.10.119', 1946, TIMESTAMP '2023-09-27 19:19:00');
INSERT INTO customers VALUES (32, 'Wei Fernandes', 'wei.fernandes81@example.net', '+351 91 503 4062', '122-50-2133', DATE '1986-02-13', '227 Ulica Długa', 'Lisbon', 'PT', '192.0.4.98', 2130, TIMESTAMP '2023-03-23 23:29:00');
INSERT INTO customers VALUES (33, 'Amara Silva', 'amara.silva18@example.com', '+33 6 250 9755', '365-59-9398', DATE '1974-03-26', '88 Via Roma', 'Lyon', 'FR', '198.18.144.94', 3947, TIMESTAMP '2024-04-12 10:41:00');
INSERT INTO customers VALUES (34, 'Bruno Kowalski', 'bruno.kowalski39@example.net', '+49 151 598 9337', '204-04-2399', DATE '1976-03-20', '179 Maple Avenue', 'Berlin', 'DE', '192.51.42.118', 4758, TIMESTAMP '2024-06-20 13:30:00');
INSERT INTO customers VALUES (35, 'Clara Tanaka', 'clara.tanaka47@example.org', '+1 512 828 6900', '059-28-0523', DATE '1992-11-27', '227 Ulica Długa', 'Boston', 'US', '203.0.211.108', 1435, TIMESTAMP '2024-08-30 10:55:00');
INSERT INTO customers VALUES (36, 'Dmitri Lindqvist', 'dmitri.lindqvist69@example.org', '+49 151 930 5261', '541-66-8493', DATE '1966-03-24', '245 Elm Street', 'Berlin', 'DE', '203.0.127.158', 1060, TIMESTAMP '2023-09-19 17:54:00');
INSERT INTO customers VALUES (37, 'Elena Haddad', 'elena.haddad13@example.org', '+48 501 642 0945', '121-33-9193', DATE '1974-01-05', '80 Sakura-dori', 'Gdansk', 'PL', '203.18.191.216', 2897, TIMESTAMP '2024-04-08 05:38:00');
INSERT INTO customers VALUES (38, 'Farah Nakamura', 'farah.nakamura67@example.com', '+1 512 732 5426', '585-76-3404', DATE '1985-10-19', '239 Via Roma', 'Boston', 'US', '192.0.111.236', 575, TIMESTAMP '2023-05-11 11:10:00');
INSERT INTO customers VALUES (39, 'Gustav Kim', 'gustav.kim78@example.com', '+49 151 316 8975', '507-35-9429', DATE '1966-03-28', '120 Ulica Długa', 'Berlin', 'DE', '198.18.66.108', 2877, TIMESTAMP '2024-06-02 18:04:00');
INSERT INTO customers VALUES (40, 'Hana Lindqvist', 'hana.lindqvist37@example.com', '+39 347 434 7874', '506-82-4341', DATE '1962-02-23', '126 Avenida da Liberdade', 'Turin', 'IT', '203.51.66.128', 1892, TIMESTAMP '2023-06-26 07:52:00');
INSERT INTO orders VALUES (1, 2, TIMESTAMP '2024-01-11 15:30:00', 287.38, '4111111111111111', 'shipped');
INSERT INTO orders VALUES (2, 11, TIMESTAMP '2024-04-21 03:45:00', 473.40, '4111111111111111', 'paid');
INSERT INTO orders VALUES (3, 26, TIMESTAMP '2024-01-27 14:11:00', 866.37, '4242424242424242', 'refunded');
INSERT INTO orders VALUES (4, 8, TIMESTAMP '2024-09-11 03:00:00', 697.26, '4242424242424242', 'paid');
INSERT INTO orders VALUES (5, 35, TIMESTAMP '2024-10-11 21:29:00', 94.38, '5105105105105100', 'refunded');
INSERT INTO orders VALUES (6, 40, TIMESTAMP '2024-01-18 04:13:00', 953.78, '5555555555554444', 'paid');
INSERT INTO orders VALUES (7, 12, TIMESTAMP '2024-11-02 10:12:00', 864.76, '6011111111111117', 'paid');
INSERT INTO orders VALUES (8, 16, TIMESTAMP '2024-03-04 08:17:00', 664.04, '4012888888881881', 'paid');
INSERT INTO orders VALUES (9, 17, TIMESTAMP '2024-01-25 22:17:00', 889.31, '3566002020360505', 'paid');
INSERT INTO orders VALUES (10, 35, TIMESTAMP '2024-07-31 13:30:00', 457.64, '5105105105105100', 'paid');
INSERT INTO orders VALUES (11, 26, TIMESTAMP '2024-10-07 12:17:00', 342.69, '4111111111111111', 'shipped');
INSERT INTO orders VALUES (12, 3, TIMESTAMP '2024-02-13 03:28:00', 503.19, '4012888888881881', 'shipped');
INSERT INTO orders VALUES (13, 21, TIMESTAMP '2024-05-30 11:50:00', 539.69, '4242424242424242', 'paid');
INSERT INTO orders VALUES (14, 27, TIMESTAMP '2024-02-01 06:06:00', 556.54, '6011111111111117', 'paid');
INSERT INTO orders VALUES (15, 10, TIMESTAMP '2024-11-19 01:41:00', 306.30, '6011111111111117', 'refunded');
INSERT INTO orders VALUES (16, 18, TIMESTAMP '2024-11-29 08:57:00', 378.10, '6011111111111117', 'paid');
INSERT INTO orders VALUES (17, 23, TIMESTAMP '2024-05-01 02:59:00', 894.67, '6011111111111117', 'shipped');
INSERT INTO orders VALUES (18, 32, TIMESTAMP '2024-07-10 05:28:00', 442.09, '4242424242424242', 'paid');
INSERT INTO orders VALUES (19, 6, TIMESTAMP '2024-05-31 08:17:00', 977.01, '4012888888881881', 'paid');
INSERT INTO orders VALUES (20, 21, TIMESTAMP '2024-07-12 02:38:00', 722.98, '4242424242424242', 'paid');
INSERT INTO orders VALUES (21, 37, TIMESTAMP '2024-09-27 12:47:00', 931.51, '6011111111111117', 'paid');
INSERT INTO orders VALUES (22, 7, TIMESTAMP '2024-02-16 19:27:00', 658.68, '4111111111111111', 'shipped');
INSERT INTO orders VALUES (23, 16, TIMESTAMP '2024-01-02 09:58:00', 565.33, '5105105105105100', 'refunded');
INSERT INTO orders VALUES (24, 11, TIMESTAMP '2024-11-01 10:49:00', 176.38, '5555555555554444', 'shipped');
INSERT INTO orders VALUES (25, 29, TIMESTAMP '2024-02-20 15:54:00', 30.09, '3566002020360505', 'paid');
INSERT INTO orders VALUES (26, 13, TIMESTAMP '2024-01-24 03:11:00', 165.35, '4111111111111111', 'shipped');
INSERT INTO orders VALUES (27, 17, TIMESTAMP '2024-05-25 01:28:00', 164.59, '5105105105105100', 'shipped');
INSERT INTO orders VALUES (28, 30, TIMESTAMP '2024-06-25 21:11:00', 487.88, '4012888888881881', 'paid');
INSERT INTO orders VALUES (29, 40, TIMESTAMP '2024-05-22 08:31:00', 109.90, '4012888888881881', 'paid');
INSERT INTO orders VALUES (30, 21, TIMESTAMP '2024-02-10 12:12:00', 784.44, '3566002020360505', 'shipped');
INSERT INTO orders VALUES (31, 34, TIMESTAMP '2024-06-11 02:56:00', 289.60, '4111111111111111', 'paid');
INSERT INTO orders VALUES (32, 1, TIMESTAMP '2024-01-25 13:56:00', 629.91, '5105105105105100', 'paid');
INSERT INTO orders VALUES (33, 32, TIMESTAMP '2024-10-04 18:00:00', 716.68, '5105105105105100', 'refunded');
INSERT INTO orders VALUES (34, 10, TIMESTAMP '2024-06-28 11:53:00', 148.44, '5555555555554444', 'paid');
INSERT INTO orders VALUES (35, 29, TIMESTAMP '2024-01-13 20:23:00', 129.04, '4012888888881881', 'paid');
INSERT INTO orders VALUES (36, 12, TIMESTAMP '2024-02-03 05:52:00', 951.39, '5555555555554444', 'paid');
INSERT INTO orders VALUES (37, 36, TIMESTAMP '2024-03-04 05:32:00', 540.73, '5105105105105100', 'refunded');
INSERT INTO orders VALUES (38, 18, TIMESTAMP '2024-06-29 07:20:00', 127.44, '378282246310005', 'paid');
INSERT INTO orders VALUES (39, 38, TIMESTAMP '2024-12-10 14:08:00', 589.73, '4012888888881881', 'paid');
INSERT INTO orders VALUES (40, 9, TIMESTAMP '2024-08-11 01:12:00', 689.38, '5105105105105100', 'paid');
INSERT INTO orders VALUES (41, 28, TIMESTAMP '2024-08-20 02:32:00', 967.83, '6011111111111117', 'shipped');
INSERT INTO orders VALUES (42, 6, TIMESTAMP '2024-12-11 12:01:00', 536.68, '5555555555554444', 'paid');
INSERT INTO orders VALUES (43, 1, TIMESTAMP '2024-01-22 07:15:00', 531.02, '6011111111111117', 'refunded');
INSERT INTO orders VALUES (44, 34, TIMESTAMP '2024-10-07 07:26:00', 588.32, '6011111111111117', 'paid');
INSERT INTO orders VALUES (45, 7, TIMESTAMP '2024-03-01 23:37:00', 187.41, '378282246310005', 'paid');
INSERT INTO orders VALUES (46, 37, TIMESTAMP '2024-08-10 19:24:00', 820.81, '4242424242424242', 'shipped');
INSERT INTO orders VALUES (47, 40, TIMESTAMP '2024-10-04 19:15:00', 879.83, '4012888888881881', 'paid');
INSERT INTO orders VALUES (48, 20, TIMESTAMP '2024-10-11 16:46:00', 477.77, '4242424242424242', 'paid');
INSERT INTO orders VALUES (49, 26, TIMESTAMP '2024-08-15 09:17:00', 732.67, '4012888888881881', 'paid');
INSERT INTO orders VALUES (50, 2, TIMESTAMP '2024-01-30 05:40:00', 879.74, '5105105105105100', 'paid');
INSERT INTO orders VALUES (51, 5, TIMESTAMP '2024-08-27 13:55:00', 858.99, '5555555555554444', 'shipped');
INSERT INTO orders VALUES (52, 34, TIMESTAMP '2024-07-25 10:52:00', 425.20, '3566002020360505', 'paid');
INSERT INTO orders VALUES (53, 6, TIMESTAMP '2024-04-19 16:19:00', 937.29, '4242424242424242', 'paid');
INSERT INTO orders VALUES (54, 20, TIMESTAMP '2024-11-05 23:54:00', 34.07, '5555555555554444', 'refunded');
INSERT INTO orders VALUES (55, 20, TIMESTAMP '2024-04-03 19:36:00', 5.05, '5555555555554444', 'shipped');
INSERT INTO orders VALUES (56, 4, TIMESTAMP '2024-03-01 05:09:00', 747.81, '4012888888881881', 'paid');
INSERT INTO orders VALUES (57, 14, TIMESTAMP '2024-02-13 12:14:00', 178.21, '378282246310005', 'paid');
INSERT INTO orders VALUES (58, 25, TIMESTAMP '2024-04-02 04:32:00', 420.24, '4242424242424242', 'paid');
INSERT INTO orders VALUES (59, 39, TIMESTAMP '2024-04-19 13:01:00', 235.96, '6011111111111117', 'paid');
INSERT INTO orders VALUES (60, 32, TIMESTAMP '2024-11-29 21:56:00', 272.75, '4111111111111111', 'refunded');
INSERT INTO orders VALUES (61, 16, TIMESTAMP '2024-07-08 13:21:00', 590.70, '378282246310005', 'refunded');
INSERT INTO orders VALUES (62, 15, TIMESTAMP '2024-02-29 01:15:00', 720.44, '6011111111111117', 'paid');
INSERT INTO orders VALUES (63, 28, TIMESTAMP '2024-05-14 08:00:00', 816.04, '378282246310005', 'paid');
INSERT INTO orders VALUES (64, 34, TIMESTAMP '2024-05-15 18:39:00', 920.10, '3566002020360505', 'shipped');
INSERT INTO orders VALUES (65, 29, TIMESTAMP '2024-06-14 18:43:00', 916.01, '5105105105105100', 'refunded');
INSERT INTO orders VALUES (66, 15, TIMESTAMP '2024-04-17 03:12:00', 284.11, '3566002020360505', 'paid');
INSERT INTO orders VALUES (67, 22, TIMESTAMP '2024-02-16 04:03:00', 122.16, '5555555555554444', 'shipped');
INSERT INTO orders VALUES (68, 13, TIMESTAMP '2024-11-21 23:54:00', 739.64, '5555555555554444', 'refunded');
INSERT INTO orders VALUES (69, 9, TIMESTAMP '2024-01-17 10:51:00', 515.23, '378282246310005', 'refunded');
INSERT INTO orders VALUES (70, 16, TIMESTAMP '2024-01-11 19:47:00', 334.72, '5555555555554444', 'paid');
INSERT INTO orders VALUES (71, 1, TIMESTAMP '2024-03-18 16:29:00', 923.09, '6011111111111117', 'refunded');
INSERT INTO orders VALUES (72, 2, TIMESTAMP '2024-01-04 04:05:00', 299.93, '4012888888881881', 'refunded');
INSERT INTO orders VALUES (73, 34, TIMESTAMP '2024-03-29 07:14:00', 653.79, '4242424242424242', 'paid');
INSERT INTO orders VALUES (74, 14, TIMESTAMP '2024-10-10 16:24:00', 861.21, '5105105105105100', 'paid');
INSERT INTO orders VALUES (75, 7, TIMESTAMP '2024-07-21 01:13:00', 927.45, '3566002020360505', 'shipped');
INSERT INTO orders VALUES (76, 39, TIMESTAMP '2024-01-19 12:15:00', 918.40, '6011111111111117', 'shipped');
INSERT INTO orders VALUES (77, 30, TIMESTAMP '2024-10-20 17:24:00', 144.72, '3566002020360505', 'refunded');
INSERT INTO orders VALUES (78, 29, TIMESTAMP '2024-09-07 00:38:00', 652.32, '5555555555554444', 'paid');
INSERT INTO orders VALUES (79, 22, TIMESTAMP '2024-06-02 13:27:00', 831.40, '4012888888881881', 'paid');
INSERT INTO orders VALUES (80, 5, TIMESTAMP '2024-06-02 21:06:00', 479.82, '6011111111111117', 'paid');
INSERT INTO orders VALUES (81, 32, TIMESTAMP '2024-10-22 02:39:00', 638.32, '4012888888881881', 'refunded');
INSERT INTO orders VALUES (82, 8, TIMESTAMP '2024-09-16 07:23:00', 10.85, '4012888888881881', 'shipped');
INSERT INTO orders VALUES (83, 9, TIMESTAMP '2024-11-09 19:15:00', 648.43, '4111111111111111', 'paid');
INSERT INTO orders VALUES (84, 4, TIMESTAMP '2024-08-21 10:58:00', 949.56, '5105105105105100', 'paid');
INSERT INTO orders VALUES (85, 37, TIMESTAMP '2024-09-15 18:04:00', 344.47, '4242424242424242', 'shipped');
INSERT INTO orders VALUES (86, 22, TIMESTAMP '2024-09-11 00:22:00', 35.62, '5555555555554444', 'shipped');
INSERT INTO orders VALUES (87, 24, TIMESTAMP '2024-07-07 20:43:00', 44.22, '4012888888881881', 'shipped');
INSERT INTO orders VALUES (88, 1, TIMESTAMP '2024-04-16 03:42:00', 595.20, '4012888888881881', 'paid');
INSERT INTO orders VALUES (89, 27, TIMESTAMP '2024-01-12 01:07:00', 567.45, '6011111111111117', 'refunded');
INSERT INTO orders VALUES (90, 4, TIMESTAMP '2024-10-17 18:00:00', 763.38, '378282246310005', 'paid');
INSERT INTO orders VALUES (91, 24, TIMESTAMP '2024-03-11 04:32:00', 977.61, '6011111111111117', 'refunded');
INSERT INTO orders VALUES (92, 36, TIMESTAMP '2024-07-17 00:22:00', 514.51, '4242424242424242', 'paid');
INSERT INTO orders VALUES (93, 2, TIMESTAMP '2024-12-07 00:48:00', 265.75, '3566002020360505', 'shipped');
INSERT INTO orders VALUES (94, 7, TIMESTAMP '2024-08-27 11:34:00', 758.42, '6011111111111117', 'paid');
INSERT INTO orders VALUES (95, 25, TIMESTAMP '2024-03-05 06:53:00', 23.18, '378282246310005', 'paid');
INSERT INTO orders VALUES (96, 7, TIMESTAMP '2024-09-20 07:11:00', 203.44, '4111111111111111', 'paid');
INSERT INTO orders VALUES (97, 37, TIMESTAMP '2024-01-19 05:42:00', 75.71, '3566002020360505', 'refunded');
INSERT INTO orders VALUES (98, 32, TIMESTAMP '2024-07-05 12:38:00', 530.86, '5105105105105100', 'paid');
INSERT INTO orders VALUES (99, 38, TIMESTAMP '2024-01-03 22:50:00', 655.99, '378282246310005', 'paid');
INSERT INTO orders VALUES (100, 15, TIMESTAMP '2024-11-29 05:23:00', 389.43, '378282246310005', 'paid');
INSERT INTO orders VALUES (101, 32, TIMESTAMP '2024-04-16 01:43:00', 879.86, '378282246310005', 'paid');
INSERT INTO orders VALUES (102, 33, TIMESTAMP '2024-01-21 01:49:00', 228.20, '4012888888881881', 'refunded');
INSERT INTO orders VALUES (103, 8, TIMESTAMP '2024-11-09 11:58:00', 956.96, '5105105105105100', 'paid');
INSERT INTO orders VALUES (104, 7, TIMESTAMP '2024-02-02 16:31:00', 93.95, '3566002020360505', 'paid');
INSERT INTO orders VALUES (105, 20, TIMESTAMP '2024-10-19 20:44:00', 642.23, '3566002020360505', 'paid');
INSERT INTO orders VALUES (106, 5, TIMESTAMP '2024-10-10 21:48:00', 844.16, '3566002020360505', 'paid');
INSERT INTO orders VALUES (107, 19, TIMESTAMP '2024-06-25 18:29:00', 511.05, '378282246310005', 'paid');
INSERT INTO orders VALUES (108, 10, TIMESTAMP '2024-01-15 15:42:00', 201.51, '378282246310005', 'paid');
INSERT INTO orders VALUES (109, 27, TIMESTAMP '2024-07-13 10:03:00', 981.39, '6011111111111117', 'paid');
INSERT INTO orders VALUES (110, 2, TIMESTAMP '2024-03-08 11:27:00', 496.90, '4242424242424242', 'refunded');
INSERT INTO orders VALUES (111, 28, TIMESTAMP '2024-11-13 11:33:00', 188.94, '4242424242424242', 'paid');
INSERT INTO orders VALUES (112, 14, TIMESTAMP '2024-04-01 23:53:00', 118.80, '4012888888881881', 'paid');
INSERT INTO orders VALUES (113, 29, TIMESTAMP '2024-07-01 05:21:00', 977.70, '4111111111111111', 'refunded');
INSERT INTO orders VALUES (114, 27, TIMESTAMP '2024-03-21 03:58:00', 93.37, '4111111111111111', 'paid');
INSERT INTO orders VALUES (115, 8, TIMESTAMP '2024-06-10 05:27:00', 682.35, '5555555555554444', 'paid');
INSERT INTO orders VALUES (116, 23, TIMESTAMP '2024-06-08 14:37:00', 528.23, '4111111111111111', 'refunded');
INSERT INTO orders VALUES (117, 21, TIMESTAMP '2024-06-26 06:39:00', 229.08, '4012888888881881', 'paid');
INSERT INTO orders VALUES (118, 31, TIMESTAMP '2024-01-06 23:33:00', 810.06, '4242424242424242', 'shipped');
INSERT INTO orders VALUES (119, 6, TIMESTAMP '2024-10-08 21:27:00', 179.95, '378282246310005', 'paid');
INSERT INTO orders VALUES (120, 25, TIMESTAMP '2024-10-25 19:27:00', 58.49, '4111111111111111', 'refunded');
INSERT INTO support_tickets VALUES (1, 25, TIMESTAMP '2024-06-02 17:03:00', 'Login problem', 'I cannot log in since yesterday; the reset mail never arrives at freya.ahmed9@example.com.');
INSERT INTO support_tickets VALUES (2, 18, TIMESTAMP '2024-07-24 04:26:00', 'Refund not received', 'Hi, I returned my order two weeks ago and still have no refund. You can reach me at zara.obrien26@example.org or +39 347 822 8857.');
INSERT INTO support_tickets VALUES (3, 16, TIMESTAMP '2024-10-08 12:41:00', 'Login problem', 'I cannot log in since yesterday; the reset mail never arrives at omar.fernandes31@example.net.');
INSERT INTO support_tickets VALUES (4, 6, TIMESTAMP '2024-06-29 05:40:00', 'Card charged twice', 'My card ending 0005 was charged twice for the same order. Contact: mateo.okafor51@example.org.');
INSERT INTO support_tickets VALUES (5, 37, TIMESTAMP '2024-10-12 10:14:00', 'Refund not received', 'Hi, I returned my order two weeks ago and still have no refund. You can reach me at elena.haddad13@example.org or +48 501 642 0945.');
INSERT INTO support_tickets VALUES (6, 34, TIMESTAMP '2024-09-06 03:32:00', 'Change of address', 'Please send future orders to 27 Hauptstraße. My phone is +49 151 598 9337 if the courier needs it.');
INSERT INTO support_tickets VALUES (7, 39, TIMESTAMP '2024-08-07 17:55:00', 'Change of address', 'Please send future orders to 243 Avenida da Liberdade. My phone is +49 151 316 8975 if the courier needs it.');
INSERT INTO support_tickets VALUES (8, 4, TIMESTAMP '2024-08-17 20:28:00', 'Change of address', 'Please send future orders to 73 Avenida da Liberdade. My phone is +81 90 631 0323 if the courier needs it.');
INSERT INTO support_tickets VALUES (9, 13, TIMESTAMP '2024-07-19 08:05:00', 'Refund not received', 'Hi, I returned my order two weeks ago and still have no refund. You can reach me at ines.jensen71@example.org or +49 151 329 9087.');
INSERT INTO support_tickets VALUES (10, 6, TIMESTAMP '2024-07-23 03:51:00', 'Card charged twice', 'My card ending 5100 was charged twice for the same order. Contact: mateo.okafor51@example.org.');
INSERT INTO support_tickets VALUES (11, 9, TIMESTAMP '2024-08-19 19:21:00', 'Change of address', 'Please send future orders to 245 Maple Avenue. My phone is +39 347 814 3313 if the courier needs it.');
INSERT INTO support_tickets VALUES (12, 5, TIMESTAMP '2024-06-27 04:40:00', 'Invoice request', 'Could you send an invoice for my last order to olivia.schmidt76@example.net? Thanks, Olivia Schmidt.');
INSERT INTO support_tickets VALUES (13, 40, TIMESTAMP '2024-09-16 23:00:00', 'Login problem', 'I cannot log in since yesterday; the reset mail never arrives at hana.lindqvist37@example.com.');
INSERT INTO support_tickets VALUES (14, 7, TIMESTAMP '2024-08-14 18:34:00', 'Card charged twice', 'My card ending 0005 was charged twice for the same order. Contact: sofia.muller29@example.org.');
INSERT INTO support_tickets VALUES (15, 4, TIMESTAMP '2024-07-01 23:54:00', 'Change of address', 'Please send future orders to 228 Elm Street. My phone is +81 90 631 0323 if the courier needs it.');
INSERT INTO support_tickets VALUES (16, 26, TIMESTAMP '2024-08-27 11:19:00', 'Card charged twice', 'My card ending 1111 was charged twice for the same order. Contact: jonas.dubois35@example.org.');
INSERT INTO support_tickets VALUES (17, 21, TIMESTAMP '2024-09-09 10:27:00', 'Change of address', 'Please send future orders to 29 Via Roma. My phone is +33 6 513 8862 if the courier needs it.');
INSERT INTO support_tickets VALUES (18, 13, TIMESTAMP '2024-06-08 18:58:00', 'Invoice request', 'Could you send an invoice for my last order to ines.jensen71@example.org? Thanks, Ines Jensen.');
INSERT INTO support_tickets VALUES (19, 6, TIMESTAMP '2024-09-07 09:59:00', 'Invoice request', 'Could you send an invoice for my last order to mateo.okafor51@example.org? Thanks, Mateo Okafor.');
INSERT INTO support_tickets VALUES (20, 1, TIMESTAMP '2024-06-12 03:39:00', 'Change of address', 'Please send future orders to 172 Ulica Długa. My phone is +33 6 908 9980 if the courier needs it.');
INSERT INTO support_tickets VALUES (21, 6, TIMESTAMP '2024-09-03 13:52:00', 'Login problem', 'I cannot log in since yesterday; the reset mail never arrives at mateo.okafor51@example.org.');
INSERT INTO support_tickets VALUES (22, 29, TIMESTAMP '2024-09-28 04:47:00', 'Refund not received', 'Hi, I returned my order two weeks ago and still have no refund. You can reach me at sara.dubois84@example.net or +49 151 359 6550.');
INSERT INTO support_tickets VALUES (23, 32, TIMESTAMP '2024-06-10 15:45:00', 'Delivery late', 'The parcel is a week late. Call me on +351 91 503 4062 before delivery please.');
INSERT INTO support_tickets VALUES (24, 9, TIMESTAMP '2024-07-03 07:37:00', 'Login problem', 'I cannot log in since yesterday; the reset mail never arrives at mia.fernandes82@example.com.');
INSERT INTO support_tickets VALUES (25, 18, TIMESTAMP '2024-08-12 04:31:00', 'Change of address', 'Please send future orders to 40 Hauptstraße. My phone is +39 347 822 8857 if the courier needs it.');
INSERT INTO support_tickets VALUES (26, 20, TIMESTAMP '2024-07-04 05:47:00', 'Login problem', 'I cannot log in since yesterday; the reset mail never arrives at lena.jensen53@example.com.');
INSERT INTO support_tickets VALUES (27, 27, TIMESTAMP '2024-09-09 19:51:00', 'Change of address', 'Please send future orders to 13 Rue de la Paix. My phone is +81 90 153 3336 if the courier needs it.');
INSERT INTO support_tickets VALUES (28, 7, TIMESTAMP '2024-07-13 17:48:00', 'Delivery late', 'The parcel is a week late. Call me on +81 90 202 5633 before delivery please.');
INSERT INTO support_tickets VALUES (29, 29, TIMESTAMP '2024-08-24 01:17:00', 'Delivery late', 'The parcel is a week late. Call me on +49 151 359 6550 before delivery please.');
INSERT INTO support_tickets VALUES (30, 19, TIMESTAMP '2024-08-17 22:27:00', 'Login problem', 'I cannot log in since yesterday; the reset mail never arrives at ivan.lindqvist90@example.com.');
