### commerce-otp: what a shopper reads, in Swedish (sv).
### Translated from en.ftl by an AI model (Claude), 2026-11-30; not yet reviewed by a native speaker.
### Form of address: informal "du".

## Around every page

skip-to-content = Hoppa till innehållet
# The link to the first page when config.json has no store_name.
store-fallback = Ditt konto
# Leaves an embedded flow (the shop's page or frame stays).
cancel = Avbryt
# The label of the language switcher.
language = Språk

## Signing in with a password (the first page)

sign-in-title = Logga in
password-label = Lösenord
show-password = Visa lösenord
sign-in-button = Logga in
sign-in-busy = Loggar in…
# Beneath the sign-in form: asks for a one-time code by e-mail, to sign in without a password.
email-me-a-code = Mejla mig en kod
forgot-password = Glömt lösenordet?
password-changed-title = Ditt lösenord har ändrats
password-changed-notice = Logga in med ditt nya lösenord.
# On a page that signs in, when this browser tab is signed in already.
signed-in-already = Du är inloggad som { $username }. Om du loggar in här ersätts den inloggningen.

## Asking for a one-time code

forgot-title = Återställ lösenordet
forgot-intro = Ange e-postadressen som du loggar in med. Vi skickar en kod så att du kan välja ett nytt lösenord.
code-sign-in-title = Logga in med en engångskod
code-sign-in-intro = Ange e-postadressen som du loggar in med. Vi skickar en kod till dig – inget lösenord behövs.
send-code = Skicka kod
send-code-busy = Skickar kod…
have-code = Jag har redan en kod
username-label = E-postadress
# The same words whether or not an account exists for the address.
code-sent = Om { $username } har ett konto hos oss har vi skickat en kod till kontots e-postadress. Koden är giltig i 10 minuter.
code-resent = Om { $username } har ett konto hos oss har vi skickat en ny kod till kontots e-postadress. Den tidigare koden fungerar inte längre; den nya är giltig i 10 minuter.
# $duration: e.g. "27 seconds".
code-recently-sent = Om { $username } har ett konto hos oss har vi nyss skickat en kod till kontots e-postadress: använd den, den är giltig i 10 minuter. Du kan begära en ny om { $duration }.

## Entering the code

code-label = Kod från mejlet
code-hint = 6 bokstäver och siffror, till exempel lprvj4.
# In place of the code field when the shopper opened the link from the e-mail.
code-from-link = Vi använder koden från ditt mejl.
# Before the address a code page is for, e.g. "For john@example.com".
code-for = För { $username }
code-signing-in-as = Loggar in som { $username }
# A button: the shown address is not the shopper's.
not-you = Inte du?
# The sign-in button when the code came with the e-mail link.
continue-as = Fortsätt som { $username }
other-address = Använd en annan e-postadress
new-code = Skicka en ny kod
new-code-busy = Skickar en ny kod…
# $time: minutes and seconds, e.g. "0:27".
new-code-wait = Skicka en ny kod om { $time }

## Choosing a new password

change-title = Välj ett nytt lösenord
new-password-label = Nytt lösenord
new-password-hint = Minst 8 tecken.
confirm-password-label = Upprepa nytt lösenord
show-passwords = Visa lösenorden
change-button = Ändra lösenord
change-busy = Ändrar lösenord…

## Signed in

choose-account-title = Välj konto
choose-account-intro = Du är medlem i flera konton. Vilket vill du använda?
no-choice-waiting = Det finns ingen inloggning som väntar på ett val.
start-again = Börja om
signed-in-title = Du är inloggad
see-account = Gå till ditt konto
return-refused = Vi kunde inte skicka dig tillbaka dit du kom ifrån: butiken tillåter inte länkens returadress.
account-label = Konto
signed-in-as-label = Inloggad som
signed-in-until-label = Inloggad till
sign-out = Logga ut
not-signed-in-title = Du är inte inloggad

## Pages that stand in for the app

not-found-title = Sidan hittades inte
not-found-text = Sidan finns inte. Om du följde en länk i ett mejl, kontrollera att den är fullständig.
go-to-start = Gå till startsidan
framing-title = Sidan kan inte visas här
framing-text = För att skydda ditt konto fungerar inloggning bara på butikens egna sidor.
open-in-new-tab = Öppna i en ny flik
config-problem-title = Inloggningen är inte tillgänglig just nu
config-problem-text = Inloggningen är inte rätt konfigurerad här, så du kan inte logga in eller återställa ditt lösenord just nu. Försök igen senare eller kontakta butiken.
config-problem-details = Information för butikens utvecklare

## A field's problem, under the field

field-username-missing = Ange din e-postadress.
field-username-format = Ange en e-postadress, till exempel namn@example.com.
field-username-characters = E-postadressen innehåller dolda tecken (ofta från kopiering). Skriv in den igen.
field-code-missing = Ange koden från mejlet.
field-code-length = Koden består av 6 tecken.
field-code-characters = Koden innehåller bara bokstäver och siffror.
field-code-rejected = Koden fungerade inte. Den kan vara felskriven, redan använd eller äldre än 10 minuter. Kontrollera den eller skicka en ny kod till dig själv.
field-password-missing = Ange ett lösenord.
field-password-too-short = Använd minst 8 tecken.
field-confirmation-missing = Ange det nya lösenordet igen.
field-confirmation-mismatch = Lösenorden stämmer inte överens.

## What went wrong, in a box under the form: a heading and what to do next

error-code-rejected-title = Koden fungerade inte
error-credentials-title = Vi kunde inte logga in dig
error-credentials-text = E-postadressen eller lösenordet är fel. Kontrollera dem och försök igen, eller logga in med en engångskod i stället.
error-password-title = Välj ett annat lösenord
# $detail: the store's reason, as the store wrote it (often in English).
error-password-detail = Butiken godkände inte lösenordet: { $detail }
error-password-text = Butiken godkände inte lösenordet. Prova ett längre.
error-no-accounts-title = Inget konto att logga in på
error-no-accounts-text = Inloggningen lyckades, men du är inte medlem i något konto i den här butiken. Kontakta butiken.
error-rate-limited-title = För många försök
# $duration: e.g. "2 minutes".
error-rate-limited-wait = Butiken får för många förfrågningar. Vänta { $duration } och försök sedan igen.
error-rate-limited-text = Butiken får för många förfrågningar. Vänta en minut och försök sedan igen.
error-network-title = Vi kunde inte nå butiken
error-network-text = Kontrollera din internetanslutning och försök igen. Inget av det du har skrivit har gått förlorat.
app-load-failed = Sidan laddades inte helt. Kontrollera din internetanslutning och ladda sedan om sidan.
error-timeout-title = Butiken svarade inte i tid
error-timeout-text = Din anslutning kan vara långsam, eller så är butiken hårt belastad. Försök igen om en stund. Inget av det du har skrivit har gått förlorat.
error-server-title = Något gick fel hos oss
error-server-text = Butiken kunde inte slutföra det här just nu. Försök igen om en stund.
error-setup-title = Butiken är inte redo för det här än
# The setup-… sentences name what the store has to change; keep the setting names as they are.
setup-unknown-client = Butikens klient-id kändes inte igen (kontrollera `client_id` och `api_base` i config.json).
setup-codes-disabled = Engångskoder är avstängda i butikens lösenordsprofil (enable_one_time_password_token).
setup-unknown-realm = Butikens inloggningsinställningar pekar på en domän eller lösenordsprofil som inte finns.
setup-self-management = Butiken låter inte kunder ändra sina egna lösenord (account_member_self_management måste vara update_only).
setup-no-password = Ditt konto har inget lösenord med butikens inloggningsinställningar.
setup-forbidden = Butikens behörigheter tillåter inte det här.
