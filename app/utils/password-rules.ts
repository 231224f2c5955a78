// Password lengths and the hint the forms show; safe for the browser (the zod rule built on them is in form-schemas).
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const PASSWORD_HINT = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few unrelated words make a strong password.`;
