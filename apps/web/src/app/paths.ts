/** URLs of the pages, in French like the rest of the public site. */
export const paths = {
  home: '/',
  login: '/connexion',
} as const;
