/** The shortest password accepted (ASVS V6.2; the server also checks strength with zxcvbn). */
export const PASSWORD_MIN = 12;
