### commerce-otp: what a shopper reads, in Dutch (nl).
### Translated from en.ftl by an AI model (Claude), 2026-11-30; not yet reviewed by a native speaker.
### Form of address: informal "je".

## Around every page

skip-to-content = Naar de inhoud
# The link to the first page when config.json has no store_name.
store-fallback = Je account
# Leaves an embedded flow (the shop's page or frame stays).
cancel = Annuleren
# The label of the language switcher.
language = Taal

## Signing in with a password (the first page)

sign-in-title = Inloggen
password-label = Wachtwoord
show-password = Wachtwoord tonen
sign-in-button = Inloggen
sign-in-busy = Bezig met inloggen…
# Beneath the sign-in form: asks for a one-time code by e-mail, to sign in without a password.
email-me-a-code = Stuur me een code per e-mail
forgot-password = Wachtwoord vergeten?
password-changed-title = Je wachtwoord is gewijzigd
password-changed-notice = Log in met je nieuwe wachtwoord.
# On a page that signs in, when this browser tab is signed in already.
signed-in-already = Je bent ingelogd als { $username }. Als je hier inlogt, vervangt dat die inlog.

## Asking for a one-time code

forgot-title = Wachtwoord opnieuw instellen
forgot-intro = Vul het e-mailadres in waarmee je inlogt. We sturen je een code waarmee je een nieuw wachtwoord kiest.
code-sign-in-title = Inloggen met een eenmalige code
code-sign-in-intro = Vul het e-mailadres in waarmee je inlogt. We sturen je een code; je hebt geen wachtwoord nodig.
send-code = Code versturen
send-code-busy = Code wordt verstuurd…
have-code = Ik heb al een code
username-label = E-mailadres
# The same words whether or not an account exists for the address.
code-sent = Als { $username } een account bij ons heeft, hebben we een code naar het bijbehorende e-mailadres gestuurd. De code is 10 minuten geldig.
code-resent = Als { $username } een account bij ons heeft, hebben we een nieuwe code naar het bijbehorende e-mailadres gestuurd. De eerder verstuurde code werkt niet meer; de nieuwe is 10 minuten geldig.
# $duration: e.g. "27 seconds".
code-recently-sent = Als { $username } een account bij ons heeft, hebben we net een code naar het bijbehorende e-mailadres gestuurd: gebruik die, hij is 10 minuten geldig. Over { $duration } kun je een nieuwe code aanvragen.

## Entering the code

code-label = Code uit je e-mail
code-hint = 6 letters en cijfers, bijvoorbeeld lprvj4.
# In place of the code field when the shopper opened the link from the e-mail.
code-from-link = We gebruiken de code uit je e-mail.
# Before the address a code page is for, e.g. "For john@example.com".
code-for = Voor { $username }
code-signing-in-as = Inloggen als { $username }
# A button: the shown address is not the shopper's.
not-you = Ben jij dit niet?
# The sign-in button when the code came with the e-mail link.
continue-as = Doorgaan als { $username }
other-address = Ander e-mailadres gebruiken
new-code = Nieuwe code versturen
new-code-busy = Nieuwe code wordt verstuurd…
# $time: minutes and seconds, e.g. "0:27".
new-code-wait = Nieuwe code versturen over { $time }

## Choosing a new password

change-title = Kies een nieuw wachtwoord
new-password-label = Nieuw wachtwoord
new-password-hint = Minimaal 8 tekens.
confirm-password-label = Herhaal nieuw wachtwoord
show-passwords = Wachtwoorden tonen
change-button = Wachtwoord wijzigen
change-busy = Wachtwoord wordt gewijzigd…

## Signed in

choose-account-title = Kies een account
choose-account-intro = Je bent lid van meerdere accounts. Welk account wil je gebruiken?
no-choice-waiting = Er wacht geen inlogpoging op een keuze.
start-again = Opnieuw beginnen
signed-in-title = Je bent ingelogd
see-account = Bekijk je account
return-refused = We konden je niet terugbrengen naar de pagina waar je vandaan kwam: deze winkel staat het terugkeeradres in de link niet toe.
account-label = Account
signed-in-as-label = Ingelogd als
signed-in-until-label = Ingelogd tot
sign-out = Uitloggen
not-signed-in-title = Je bent niet ingelogd

## Pages that stand in for the app

not-found-title = Pagina niet gevonden
not-found-text = Deze pagina bestaat niet. Heb je een link uit een e-mail gevolgd? Controleer dan of die volledig is.
go-to-start = Naar de startpagina
framing-title = Deze pagina kan hier niet worden weergegeven
framing-text = Om je account te beschermen, werkt inloggen alleen op de eigen pagina's van de winkel.
open-in-new-tab = Openen in nieuw tabblad
config-problem-title = Inloggen is nu niet mogelijk
config-problem-text = Inloggen is hier niet goed ingesteld. Je kunt daarom op dit moment niet inloggen of je wachtwoord opnieuw instellen. Probeer het later opnieuw of neem contact op met de winkel.
config-problem-details = Details voor de ontwikkelaars van de winkel

## A field's problem, under the field

field-username-missing = Vul je e-mailadres in.
field-username-format = Vul een e-mailadres in, zoals naam@example.com.
field-username-characters = Het e-mailadres bevat verborgen tekens (vaak door kopiëren). Typ het opnieuw.
field-code-missing = Vul de code uit je e-mail in.
field-code-length = De code bestaat uit 6 tekens.
field-code-characters = De code bevat alleen letters en cijfers.
field-code-rejected = Die code werkt niet. Misschien zit er een typfout in, is hij al gebruikt of is hij ouder dan 10 minuten. Controleer de code of stuur jezelf een nieuwe.
field-password-missing = Vul een wachtwoord in.
field-password-too-short = Gebruik minimaal 8 tekens.
field-confirmation-missing = Vul het nieuwe wachtwoord nog een keer in.
field-confirmation-mismatch = De twee wachtwoorden zijn niet hetzelfde.

## What went wrong, in a box under the form: a heading and what to do next

error-code-rejected-title = Die code werkt niet
error-credentials-title = We konden je niet inloggen
error-credentials-text = Het e-mailadres of wachtwoord klopt niet. Controleer ze en probeer het opnieuw, of log in met een eenmalige code.
error-password-title = Kies een ander wachtwoord
# $detail: the store's reason, as the store wrote it (often in English).
error-password-detail = De winkel accepteert dit wachtwoord niet: { $detail }
error-password-text = De winkel accepteert dit wachtwoord niet. Probeer een langer wachtwoord.
error-no-accounts-title = Geen account om op in te loggen
error-no-accounts-text = Inloggen is gelukt, maar je bent in deze winkel geen lid van een account. Neem contact op met de winkel.
error-rate-limited-title = Te veel pogingen
# $duration: e.g. "2 minutes".
error-rate-limited-wait = De winkel krijgt te veel verzoeken. Wacht { $duration } en probeer het dan opnieuw.
error-rate-limited-text = De winkel krijgt te veel verzoeken. Wacht een minuut en probeer het dan opnieuw.
error-network-title = We konden de winkel niet bereiken
error-network-text = Controleer je internetverbinding en probeer het opnieuw. Wat je hebt ingevuld, blijft bewaard.
app-load-failed = Deze pagina is niet volledig geladen. Controleer je internetverbinding en laad de pagina daarna opnieuw.
error-timeout-title = De winkel reageerde niet op tijd
error-timeout-text = Misschien is je verbinding traag of is het druk bij de winkel. Probeer het zo opnieuw. Wat je hebt ingevuld, blijft bewaard.
error-server-title = Er ging bij ons iets mis
error-server-text = De winkel kon dit nu niet afronden. Probeer het zo opnieuw.
error-setup-title = Deze winkel is hier nog niet op ingesteld
# The setup-… sentences name what the store has to change; keep the setting names as they are.
setup-unknown-client = De client-ID van de winkel wordt niet herkend (controleer `client_id` en `api_base` in config.json).
setup-codes-disabled = Eenmalige codes staan uit in het wachtwoordprofiel van deze winkel (enable_one_time_password_token).
setup-unknown-realm = De inloginstellingen van de winkel verwijzen naar een domein of wachtwoordprofiel dat niet bestaat.
setup-self-management = De winkel staat niet toe dat klanten hun eigen wachtwoord wijzigen (account_member_self_management moet update_only zijn).
setup-no-password = Je account heeft geen wachtwoord bij de inloginstellingen van deze winkel.
setup-forbidden = De rechten van de winkel staan dit niet toe.
