// Password length rules, shared by the server checks and the forms' hints.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
