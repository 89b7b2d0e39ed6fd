/** The sign-in page's words. */
export const SIGNIN_WORDS = {
  en: {
    title: "Sign in",
    intro: "Sign in to see the costs and carbon of the association's AWS pipelines.",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    wrong: "The email or the password is wrong.",
    tooMany: "Too many failed attempts. Wait 15 minutes, then try again.",
    expired: "The form had expired. Please try again.",
    signOut: "Sign out",
    signedInAs: "Signed in as",
    admin: "admin",
    viewer: "viewer",
    demoSignedOut:
      "Demo mode: on this machine Cairn signs you in automatically as the demo admin (cairn serve --demo), so opening any page signs you straight back in. To try this form, start Cairn without --demo and sign in with the demo admin's password printed when the demo was created.",
    demoBackIn: "Back to the demo",
  },
  fr: {
    title: "Connexion",
    intro: "Connectez-vous pour voir les coûts et le carbone des chaînes de traitement AWS de l'association.",
    email: "Adresse e-mail",
    password: "Mot de passe",
    submit: "Se connecter",
    wrong: "L'adresse e-mail ou le mot de passe est incorrect.",
    tooMany: "Trop de tentatives échouées. Attendez 15 minutes puis réessayez.",
    expired: "Le formulaire avait expiré. Veuillez réessayer.",
    signOut: "Se déconnecter",
    signedInAs: "Connecté en tant que",
    admin: "administrateur",
    viewer: "lecteur",
    demoSignedOut:
      "Mode démo : sur cette machine, Cairn vous connecte automatiquement en administrateur de la démo (cairn serve --demo) ; ouvrir n'importe quelle page vous reconnecte donc aussitôt. Pour essayer ce formulaire, relancez Cairn sans --demo et connectez-vous avec le mot de passe de l'administrateur de la démo affiché à sa création.",
    demoBackIn: "Revenir à la démo",
  },
};
