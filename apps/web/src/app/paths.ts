/** URLs of the pages, in French like the rest of the public site. */
export const paths = {
  home: '/',
  login: '/connexion',
  signup: '/inscription',
  invitation: '/invitation',
  privacy: '/donnees-personnelles',
  space: '/espace',
  hackathon: (slug: string) => `/hackathons/${slug}`,
  gallery: (slug: string) => `/hackathons/${slug}/projets`,
  team: (id: string) => `/equipes/${id}`,
  project: (teamId: string) => `/equipes/${teamId}/projet`,
  projectHistory: (teamId: string) => `/equipes/${teamId}/historique`,
  teacherAccounts: '/enseignant/comptes',
  jurorScore: (hackathonId: string, assignmentId: string) =>
    `/jury/${hackathonId}/evaluations/${assignmentId}`,
  organizerHackathon: (id: string) => `/organisation/hackathons/${id}`,
  organizerNew: '/organisation/hackathons/nouveau',
  organizerSchools: '/organisation/ecoles',
  organizerInvitations: '/organisation/invitations',
  organizerTeachers: '/organisation/enseignants',
  organizerAccounts: '/organisation/comptes',
} as const;
