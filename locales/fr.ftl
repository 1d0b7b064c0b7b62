### commerce-otp: what a shopper reads, in French (fr).
### Translated from en.ftl by an AI model (Claude), 2026-11-30; not yet reviewed by a native speaker.
### Form of address: formal "vous" throughout.

## Around every page

skip-to-content = Aller au contenu
# The link to the first page when config.json has no store_name.
store-fallback = Votre compte
# Leaves an embedded flow (the shop's page or frame stays).
cancel = Annuler
# The label of the language switcher.
language = Langue

## Signing in with a password (the first page)

sign-in-title = Connexion
password-label = Mot de passe
show-password = Afficher le mot de passe
sign-in-button = Se connecter
sign-in-busy = Connexion en cours…
# Beneath the sign-in form: asks for a one-time code by e-mail, to sign in without a password.
email-me-a-code = Recevoir un code par e-mail
forgot-password = Mot de passe oublié ?
password-changed-title = Votre mot de passe a été modifié
password-changed-notice = Connectez-vous avec votre nouveau mot de passe.
# On a page that signs in, when this browser tab is signed in already.
signed-in-already = Vous êtes connecté en tant que { $username }. Si vous vous connectez ici, cette connexion sera remplacée.

## Asking for a one-time code

forgot-title = Réinitialiser votre mot de passe
forgot-intro = Saisissez l’adresse e-mail avec laquelle vous vous connectez. Nous vous enverrons un code pour choisir un nouveau mot de passe.
code-sign-in-title = Se connecter avec un code à usage unique
code-sign-in-intro = Saisissez l’adresse e-mail avec laquelle vous vous connectez. Nous vous enverrons un code : pas besoin de mot de passe.
send-code = Envoyer le code
send-code-busy = Envoi du code…
have-code = J’ai déjà un code
username-label = Adresse e-mail
# The same words whether or not an account exists for the address.
code-sent = Si un compte existe pour { $username }, nous avons envoyé un code à l’adresse e-mail associée. Le code est valable 10 minutes.
code-resent = Si un compte existe pour { $username }, nous avons envoyé un nouveau code à l’adresse e-mail associée. Le code envoyé précédemment ne fonctionne plus ; le nouveau est valable 10 minutes.
# $duration: e.g. "27 seconds".
code-recently-sent = Si un compte existe pour { $username }, nous venons d’envoyer un code à l’adresse e-mail associée : utilisez celui-ci, il est valable 10 minutes. Vous pourrez en demander un autre dans { $duration }.

## Entering the code

code-label = Code reçu par e-mail
code-hint = 6 lettres et chiffres, par exemple lprvj4.
# In place of the code field when the shopper opened the link from the e-mail.
code-from-link = Nous utiliserons le code reçu par e-mail.
# Before the address a code page is for, e.g. "For john@example.com".
code-for = Pour { $username }
code-signing-in-as = Connexion en tant que { $username }
# A button: the shown address is not the shopper's.
not-you = Ce n’est pas vous ?
# The sign-in button when the code came with the e-mail link.
continue-as = Continuer en tant que { $username }
other-address = Utiliser une autre adresse e-mail
new-code = Envoyer un nouveau code
new-code-busy = Envoi d’un nouveau code…
# $time: minutes and seconds, e.g. "0:27".
new-code-wait = Envoyer un nouveau code dans { $time }

## Choosing a new password

change-title = Choisir un nouveau mot de passe
new-password-label = Nouveau mot de passe
new-password-hint = Au moins 8 caractères.
confirm-password-label = Confirmer le nouveau mot de passe
show-passwords = Afficher les mots de passe
change-button = Modifier le mot de passe
change-busy = Modification du mot de passe…

## Signed in

choose-account-title = Choisir un compte
choose-account-intro = Vous avez accès à plusieurs comptes. Lequel souhaitez-vous utiliser ?
no-choice-waiting = Aucune connexion n’attend de choix de compte.
start-again = Recommencer
signed-in-title = Vous êtes connecté
see-account = Voir votre compte
return-refused = Nous n’avons pas pu vous ramener à la page d’origine : l’adresse de retour du lien n’est pas autorisée par cette boutique.
account-label = Compte
signed-in-as-label = Connecté en tant que
signed-in-until-label = Connecté jusqu’au
sign-out = Se déconnecter
not-signed-in-title = Vous n’êtes pas connecté

## Pages that stand in for the app

not-found-title = Page introuvable
not-found-text = Cette page n’existe pas. Si vous avez suivi un lien reçu par e-mail, vérifiez qu’il est complet.
go-to-start = Aller à la page d’accueil
framing-title = Cette page ne peut pas s’afficher ici
framing-text = Pour protéger votre compte, la connexion n’est possible que sur les pages de la boutique elle-même.
open-in-new-tab = Ouvrir dans un nouvel onglet
config-problem-title = Connexion momentanément indisponible
config-problem-text = La connexion n’est pas correctement configurée ici : vous ne pouvez ni vous connecter ni réinitialiser votre mot de passe pour le moment. Veuillez réessayer plus tard ou contacter la boutique.
config-problem-details = Détails pour les développeurs de la boutique

## A field's problem, under the field

field-username-missing = Saisissez votre adresse e-mail.
field-username-format = Saisissez une adresse e-mail, par exemple nom@example.com.
field-username-characters = L’adresse e-mail contient des caractères invisibles (souvent dus à un copier-coller). Retapez-la.
field-code-missing = Saisissez le code reçu par e-mail.
field-code-length = Le code comporte 6 caractères.
field-code-characters = Le code ne contient que des lettres et des chiffres.
field-code-rejected = Ce code n’a pas fonctionné. Il est peut-être mal saisi, déjà utilisé ou envoyé il y a plus de 10 minutes. Vérifiez-le ou demandez un nouveau code.
field-password-missing = Saisissez un mot de passe.
field-password-too-short = Utilisez au moins 8 caractères.
field-confirmation-missing = Confirmez le nouveau mot de passe.
field-confirmation-mismatch = Les deux mots de passe ne sont pas identiques.

## What went wrong, in a box under the form: a heading and what to do next

error-code-rejected-title = Ce code n’a pas fonctionné
error-credentials-title = Connexion impossible
error-credentials-text = L’adresse e-mail ou le mot de passe est incorrect. Vérifiez-les et réessayez, ou connectez-vous plutôt avec un code à usage unique.
error-password-title = Choisissez un autre mot de passe
# $detail: the store's reason, as the store wrote it (often in English).
error-password-detail = La boutique n’a pas accepté ce mot de passe : { $detail }
error-password-text = La boutique n’a pas accepté ce mot de passe. Essayez-en un plus long.
error-no-accounts-title = Aucun compte accessible
error-no-accounts-text = Votre connexion a réussi, mais aucun compte de cette boutique ne vous est associé. Veuillez contacter la boutique.
error-rate-limited-title = Trop de tentatives
# $duration: e.g. "2 minutes".
error-rate-limited-wait = La boutique reçoit trop de demandes. Patientez { $duration }, puis réessayez.
error-rate-limited-text = La boutique reçoit trop de demandes. Patientez une minute, puis réessayez.
error-network-title = Impossible de joindre la boutique
error-network-text = Vérifiez votre connexion Internet, puis réessayez. Vos saisies ont été conservées.
app-load-failed = Cette page ne s'est pas chargée entièrement. Vérifiez votre connexion Internet, puis rechargez la page.
error-timeout-title = La boutique a mis trop de temps à répondre
error-timeout-text = Votre connexion est peut-être lente, ou la boutique surchargée. Réessayez dans un instant. Vos saisies ont été conservées.
error-server-title = Un problème est survenu de notre côté
error-server-text = La boutique n’a pas pu finaliser l’opération pour le moment. Veuillez réessayer dans un instant.
error-setup-title = Cette boutique n’est pas encore prête pour cela
# The setup-… sentences name what the store has to change; keep the setting names as they are.
setup-unknown-client = L’identifiant client de la boutique n’a pas été reconnu (vérifiez `client_id` et `api_base` dans config.json).
setup-codes-disabled = Les codes à usage unique sont désactivés dans le profil de mot de passe de cette boutique (enable_one_time_password_token).
setup-unknown-realm = Les paramètres de connexion de la boutique renvoient à un domaine ou à un profil de mot de passe inexistant.
setup-self-management = La boutique ne permet pas aux clients de modifier eux-mêmes leur mot de passe (account_member_self_management doit valoir update_only).
setup-no-password = Votre compte n’a pas de mot de passe avec les paramètres de connexion de cette boutique.
setup-forbidden = Les autorisations de la boutique ne le permettent pas.
