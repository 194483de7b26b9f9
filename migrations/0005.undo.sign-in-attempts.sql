-- By hand only: the sign-in limits' tables (0005.do). Sign-in then needs the code before 0005.
DROP TABLE sign_in_devices;
DROP TABLE sign_in_attempts;
