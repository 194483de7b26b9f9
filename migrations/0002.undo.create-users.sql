DROP TABLE sessions;
DROP TABLE user_districts;
DROP TABLE users;
DROP TYPE user_role;
