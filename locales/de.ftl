### commerce-otp: what a shopper reads, in German (de).
### Translated from en.ftl by an AI model (Claude), 2026-11-30; not yet reviewed by a native speaker.
### Form of address: formal "Sie" throughout.

## Around every page

skip-to-content = Zum Inhalt springen
# The link to the first page when config.json has no store_name.
store-fallback = Ihr Konto
# Leaves an embedded flow (the shop's page or frame stays).
cancel = Abbrechen
# The label of the language switcher.
language = Sprache

## Signing in with a password (the first page)

sign-in-title = Anmelden
password-label = Passwort
show-password = Passwort anzeigen
sign-in-button = Anmelden
sign-in-busy = Anmeldung läuft …
# Beneath the sign-in form: asks for a one-time code by e-mail, to sign in without a password.
email-me-a-code = Code per E-Mail anfordern
forgot-password = Passwort vergessen?
password-changed-title = Ihr Passwort wurde geändert
password-changed-notice = Melden Sie sich mit Ihrem neuen Passwort an.
# On a page that signs in, when this browser tab is signed in already.
signed-in-already = Sie sind als { $username } angemeldet. Wenn Sie sich hier anmelden, wird diese Anmeldung ersetzt.

## Asking for a one-time code

forgot-title = Passwort zurücksetzen
forgot-intro = Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden. Wir senden Ihnen einen Code, mit dem Sie ein neues Passwort festlegen können.
code-sign-in-title = Mit Einmalcode anmelden
code-sign-in-intro = Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden. Wir senden Ihnen einen Code – ganz ohne Passwort.
send-code = Code senden
send-code-busy = Code wird gesendet …
have-code = Ich habe bereits einen Code
username-label = E-Mail-Adresse
# The same words whether or not an account exists for the address.
code-sent = Falls für { $username } ein Konto bei uns besteht, haben wir einen Code an die hinterlegte E-Mail-Adresse gesendet. Der Code ist 10 Minuten gültig.
code-resent = Falls für { $username } ein Konto bei uns besteht, haben wir einen neuen Code an die hinterlegte E-Mail-Adresse gesendet. Der zuvor gesendete Code ist nicht mehr gültig; der neue ist 10 Minuten gültig.
# $duration: e.g. "27 seconds".
code-recently-sent = Falls für { $username } ein Konto bei uns besteht, haben wir gerade einen Code an die hinterlegte E-Mail-Adresse gesendet: Verwenden Sie diesen, er ist 10 Minuten gültig. Einen weiteren Code können Sie in { $duration } anfordern.

## Entering the code

code-label = Code aus Ihrer E-Mail
code-hint = 6 Buchstaben und Ziffern, zum Beispiel lprvj4.
# In place of the code field when the shopper opened the link from the e-mail.
code-from-link = Wir verwenden den Code aus Ihrer E-Mail.
# Before the address a code page is for, e.g. "For john@example.com".
code-for = Für { $username }
code-signing-in-as = Anmeldung als { $username }
# A button: the shown address is not the shopper's.
not-you = Nicht Sie?
# The sign-in button when the code came with the e-mail link.
continue-as = Weiter als { $username }
other-address = Andere E-Mail-Adresse verwenden
new-code = Neuen Code senden
new-code-busy = Neuer Code wird gesendet …
# $time: minutes and seconds, e.g. "0:27".
new-code-wait = Neuen Code in { $time } senden

## Choosing a new password

change-title = Neues Passwort festlegen
new-password-label = Neues Passwort
new-password-hint = Mindestens 8 Zeichen.
confirm-password-label = Neues Passwort wiederholen
show-passwords = Passwörter anzeigen
change-button = Passwort ändern
change-busy = Passwort wird geändert …

## Signed in

choose-account-title = Konto auswählen
choose-account-intro = Sie sind mehreren Konten zugeordnet. Welches möchten Sie verwenden?
no-choice-waiting = Derzeit wartet keine Anmeldung auf eine Kontoauswahl.
start-again = Von vorn beginnen
signed-in-title = Sie sind angemeldet
see-account = Zu Ihrem Konto
return-refused = Wir konnten Sie nicht zur vorherigen Seite zurückleiten: Die Rücksprungadresse im Link ist für diesen Shop nicht zugelassen.
account-label = Konto
signed-in-as-label = Angemeldet als
signed-in-until-label = Angemeldet bis
sign-out = Abmelden
not-signed-in-title = Sie sind nicht angemeldet

## Pages that stand in for the app

not-found-title = Seite nicht gefunden
not-found-text = Diese Seite gibt es nicht. Wenn Sie einem Link aus einer E-Mail gefolgt sind, prüfen Sie, ob er vollständig ist.
go-to-start = Zur Startseite
framing-title = Diese Seite kann hier nicht angezeigt werden
framing-text = Zum Schutz Ihres Kontos ist die Anmeldung nur auf den Seiten des Shops selbst möglich.
open-in-new-tab = In neuem Tab öffnen
config-problem-title = Anmeldung derzeit nicht verfügbar
config-problem-text = Die Anmeldung ist hier nicht richtig eingerichtet. Sie können sich daher im Moment weder anmelden noch Ihr Passwort zurücksetzen. Bitte versuchen Sie es später erneut oder wenden Sie sich an den Shop.
config-problem-details = Details für die Entwickler des Shops

## A field's problem, under the field

field-username-missing = Geben Sie Ihre E-Mail-Adresse ein.
field-username-format = Geben Sie eine E-Mail-Adresse im Format name@example.com ein.
field-username-characters = Die E-Mail-Adresse enthält unsichtbare Zeichen (oft durch Kopieren). Geben Sie sie erneut von Hand ein.
field-code-missing = Geben Sie den Code aus Ihrer E-Mail ein.
field-code-length = Der Code hat 6 Zeichen.
field-code-characters = Der Code besteht nur aus Buchstaben und Ziffern.
field-code-rejected = Dieser Code hat nicht funktioniert. Vielleicht wurde er falsch eingegeben, schon verwendet oder ist älter als 10 Minuten. Prüfen Sie ihn oder fordern Sie einen neuen Code an.
field-password-missing = Geben Sie ein Passwort ein.
field-password-too-short = Verwenden Sie mindestens 8 Zeichen.
field-confirmation-missing = Geben Sie das neue Passwort erneut ein.
field-confirmation-mismatch = Die beiden Passwörter stimmen nicht überein.

## What went wrong, in a box under the form: a heading and what to do next

error-code-rejected-title = Dieser Code hat nicht funktioniert
error-credentials-title = Wir konnten Sie nicht anmelden
error-credentials-text = E-Mail-Adresse oder Passwort ist nicht korrekt. Prüfen Sie Ihre Eingaben und versuchen Sie es erneut oder melden Sie sich stattdessen mit einem Einmalcode an.
error-password-title = Wählen Sie ein anderes Passwort
# $detail: the store's reason, as the store wrote it (often in English).
error-password-detail = Der Shop hat dieses Passwort nicht akzeptiert: { $detail }
error-password-text = Der Shop hat dieses Passwort nicht akzeptiert. Versuchen Sie es mit einem längeren.
error-no-accounts-title = Kein Konto verfügbar
error-no-accounts-text = Ihre Anmeldung war erfolgreich, aber Sie sind keinem Konto in diesem Shop zugeordnet. Bitte wenden Sie sich an den Shop.
error-rate-limited-title = Zu viele Versuche
# $duration: e.g. "2 minutes".
error-rate-limited-wait = Der Shop erhält gerade zu viele Anfragen. Warten Sie { $duration } und versuchen Sie es dann erneut.
error-rate-limited-text = Der Shop erhält gerade zu viele Anfragen. Warten Sie eine Minute und versuchen Sie es dann erneut.
error-network-title = Wir konnten den Shop nicht erreichen
error-network-text = Prüfen Sie Ihre Internetverbindung und versuchen Sie es dann erneut. Ihre Eingaben sind nicht verloren gegangen.
app-load-failed = Diese Seite wurde nicht vollständig geladen. Prüfen Sie Ihre Internetverbindung und laden Sie die Seite dann neu.
error-timeout-title = Der Shop hat nicht rechtzeitig geantwortet
error-timeout-text = Vielleicht ist Ihre Verbindung langsam oder der Shop ausgelastet. Versuchen Sie es gleich noch einmal. Ihre Eingaben sind nicht verloren gegangen.
error-server-title = Bei uns ist etwas schiefgelaufen
error-server-text = Der Shop konnte den Vorgang gerade nicht abschließen. Bitte versuchen Sie es gleich noch einmal.
error-setup-title = Dieser Shop ist dafür noch nicht eingerichtet
# The setup-… sentences name what the store has to change; keep the setting names as they are.
setup-unknown-client = Die Client-ID des Shops wurde nicht erkannt (prüfen Sie `client_id` und `api_base` in config.json).
setup-codes-disabled = Einmalcodes sind im Passwortprofil dieses Shops deaktiviert (enable_one_time_password_token).
setup-unknown-realm = Die Anmeldeeinstellungen des Shops verweisen auf einen nicht vorhandenen Realm oder ein nicht vorhandenes Passwortprofil.
setup-self-management = Der Shop erlaubt Kunden nicht, ihr eigenes Passwort zu ändern (account_member_self_management muss update_only sein).
setup-no-password = Für Ihr Konto ist mit den Anmeldeeinstellungen dieses Shops kein Passwort hinterlegt.
setup-forbidden = Die Berechtigungen des Shops lassen dies nicht zu.
