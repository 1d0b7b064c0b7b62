### commerce-otp: what a shopper reads, in Italian (it).
### Translated from en.ftl by an AI model (Claude), 2026-11-30; not yet reviewed by a native speaker.
### Form of address: informal "tu" throughout, as most Italian online shops use.

## Around every page

skip-to-content = Vai al contenuto
# The link to the first page when config.json has no store_name.
store-fallback = Il tuo account
# Leaves an embedded flow (the shop's page or frame stays).
cancel = Annulla
# The label of the language switcher.
language = Lingua

## Signing in with a password (the first page)

sign-in-title = Accedi
password-label = La tua password
show-password = Mostra password
sign-in-button = Accedi
sign-in-busy = Accesso in corso…
# Beneath the sign-in form: asks for a one-time code by e-mail, to sign in without a password.
email-me-a-code = Ricevi un codice via e-mail
forgot-password = Password dimenticata?
password-changed-title = La tua password è stata cambiata
password-changed-notice = Accedi con la tua nuova password.
# On a page that signs in, when this browser tab is signed in already.
signed-in-already = Hai già effettuato l’accesso come { $username }. Se accedi qui, quell’accesso verrà sostituito.

## Asking for a one-time code

forgot-title = Reimposta la password
forgot-intro = Inserisci l’indirizzo e-mail con cui accedi. Ti invieremo un codice per scegliere una nuova password.
code-sign-in-title = Accedi con un codice monouso
code-sign-in-intro = Inserisci l’indirizzo e-mail con cui accedi. Ti invieremo un codice: non serve la password.
send-code = Invia codice
send-code-busy = Invio del codice…
have-code = Ho già un codice
username-label = Indirizzo e-mail
# The same words whether or not an account exists for the address.
code-sent = Se esiste un account per { $username }, abbiamo inviato un codice all’indirizzo e-mail associato. Il codice è valido per 10 minuti.
code-resent = Se esiste un account per { $username }, abbiamo inviato un nuovo codice all’indirizzo e-mail associato. Il codice inviato in precedenza non funziona più; quello nuovo è valido per 10 minuti.
# $duration: e.g. "27 seconds".
code-recently-sent = Se esiste un account per { $username }, abbiamo appena inviato un codice all’indirizzo e-mail associato: usa quello, è valido per 10 minuti. Potrai richiederne un altro tra { $duration }.

## Entering the code

code-label = Codice ricevuto via e-mail
code-hint = 6 lettere e cifre, ad esempio lprvj4.
# In place of the code field when the shopper opened the link from the e-mail.
code-from-link = Useremo il codice ricevuto via e-mail.
# Before the address a code page is for, e.g. "For john@example.com".
code-for = Per { $username }
code-signing-in-as = Accesso come { $username }
# A button: the shown address is not the shopper's.
not-you = Non sei tu?
# The sign-in button when the code came with the e-mail link.
continue-as = Continua come { $username }
other-address = Usa un altro indirizzo e-mail
new-code = Invia un nuovo codice
new-code-busy = Invio del nuovo codice…
# $time: minutes and seconds, e.g. "0:27".
new-code-wait = Invia un nuovo codice tra { $time }

## Choosing a new password

change-title = Scegli una nuova password
new-password-label = Nuova password
new-password-hint = Almeno 8 caratteri.
confirm-password-label = Ripeti la nuova password
show-passwords = Mostra le password
change-button = Cambia password
change-busy = Cambio password in corso…

## Signed in

choose-account-title = Scegli un account
choose-account-intro = Fai parte di più account. Quale vuoi usare?
no-choice-waiting = Nessun accesso è in attesa di una scelta.
start-again = Ricomincia
signed-in-title = Accesso effettuato
see-account = Vai al tuo account
return-refused = Non è stato possibile riportarti alla pagina di provenienza: l’indirizzo di ritorno del link non è tra quelli consentiti da questo negozio.
account-label = Account in uso
signed-in-as-label = Accesso effettuato come
signed-in-until-label = Accesso valido fino a
sign-out = Esci
not-signed-in-title = Non hai effettuato l’accesso

## Pages that stand in for the app

not-found-title = Pagina non trovata
not-found-text = Questa pagina non esiste. Se hai seguito un link da un’e-mail, controlla che sia completo.
go-to-start = Vai alla pagina iniziale
framing-title = Questa pagina non può essere visualizzata qui
framing-text = Per proteggere il tuo account, l’accesso funziona solo sulle pagine del negozio stesso.
open-in-new-tab = Apri in una nuova scheda
config-problem-title = Accesso non disponibile al momento
config-problem-text = L’accesso non è configurato correttamente qui, quindi al momento non puoi accedere né reimpostare la password. Riprova più tardi o contatta il negozio.
config-problem-details = Dettagli per gli sviluppatori del negozio

## A field's problem, under the field

field-username-missing = Inserisci il tuo indirizzo e-mail.
field-username-format = Inserisci un indirizzo e-mail, ad esempio nome@example.com.
field-username-characters = L’indirizzo e-mail contiene caratteri nascosti (spesso dovuti al copia e incolla). Digitalo di nuovo.
field-code-missing = Inserisci il codice ricevuto via e-mail.
field-code-length = Il codice è composto da 6 caratteri.
field-code-characters = Il codice contiene solo lettere e cifre.
field-code-rejected = Questo codice non ha funzionato. Potrebbe essere stato digitato male, essere già stato usato o avere più di 10 minuti. Controllalo o richiedi un nuovo codice.
field-password-missing = Inserisci una password.
field-password-too-short = Usa almeno 8 caratteri.
field-confirmation-missing = Ripeti la nuova password.
field-confirmation-mismatch = Le due password non coincidono.

## What went wrong, in a box under the form: a heading and what to do next

error-code-rejected-title = Questo codice non ha funzionato
error-credentials-title = Accesso non riuscito
error-credentials-text = L’indirizzo e-mail o la password non sono corretti. Controllali e riprova, oppure accedi con un codice monouso.
error-password-title = Scegli un’altra password
# $detail: the store's reason, as the store wrote it (often in English).
error-password-detail = Il negozio non ha accettato questa password: { $detail }
error-password-text = Il negozio non ha accettato questa password. Provane una più lunga.
error-no-accounts-title = Nessun account a cui accedere
error-no-accounts-text = L’accesso è riuscito, ma non fai parte di nessun account di questo negozio. Contatta il negozio.
error-rate-limited-title = Troppi tentativi
# $duration: e.g. "2 minutes".
error-rate-limited-wait = Il negozio sta ricevendo troppe richieste. Attendi { $duration }, poi riprova.
error-rate-limited-text = Il negozio sta ricevendo troppe richieste. Attendi un minuto, poi riprova.
error-network-title = Impossibile raggiungere il negozio
error-network-text = Controlla la connessione a Internet, poi riprova. I dati inseriti non sono andati persi.
app-load-failed = Questa pagina non è stata caricata completamente. Controlla la connessione a Internet, poi ricarica la pagina.
error-timeout-title = Il negozio ha impiegato troppo tempo a rispondere
error-timeout-text = La tua connessione potrebbe essere lenta o il negozio sovraccarico. Riprova tra poco. I dati inseriti non sono andati persi.
error-server-title = Si è verificato un problema da parte nostra
error-server-text = Il negozio non è riuscito a completare l’operazione. Riprova tra poco.
error-setup-title = Questo negozio non è ancora pronto per questa funzione
# The setup-… sentences name what the store has to change; keep the setting names as they are.
setup-unknown-client = L’ID client del negozio non è stato riconosciuto (controlla `client_id` e `api_base` in config.json).
setup-codes-disabled = I codici monouso sono disattivati nel profilo password di questo negozio (enable_one_time_password_token).
setup-unknown-realm = Le impostazioni di accesso del negozio rimandano a un dominio o a un profilo password inesistente.
setup-self-management = Il negozio non consente ai clienti di modificare la propria password (account_member_self_management deve essere update_only).
setup-no-password = Il tuo account non ha una password con le impostazioni di accesso di questo negozio.
setup-forbidden = Le autorizzazioni del negozio non consentono questa operazione.
