### commerce-otp: what a shopper reads, in Polish (pl).
### Translated from en.ftl by an AI model (Claude), 2026-11-30; not yet reviewed by a native speaker.
### Form of address: informal "Ty" (imperative and present/future forms; impersonal forms such as "Zalogowano" where a past tense would show the shopper's gender).

## Around every page

skip-to-content = Przejdź do treści
# The link to the first page when config.json has no store_name.
store-fallback = Twoje konto
# Leaves an embedded flow (the shop's page or frame stays).
cancel = Anuluj
# The label of the language switcher.
language = Język

## Signing in with a password (the first page)

sign-in-title = Zaloguj się
password-label = Hasło
show-password = Pokaż hasło
sign-in-button = Zaloguj się
sign-in-busy = Logowanie…
# Beneath the sign-in form: asks for a one-time code by e-mail, to sign in without a password.
email-me-a-code = Wyślij mi kod e-mailem
forgot-password = Nie pamiętasz hasła?
password-changed-title = Hasło zostało zmienione
password-changed-notice = Zaloguj się nowym hasłem.
# On a page that signs in, when this browser tab is signed in already.
signed-in-already = W tej karcie zalogowano już jako { $username }. Jeśli zalogujesz się tutaj, to logowanie zostanie zastąpione.

## Asking for a one-time code

forgot-title = Zresetuj hasło
forgot-intro = Podaj adres e-mail, którego używasz do logowania. Wyślemy na niego kod do ustawienia nowego hasła.
code-sign-in-title = Zaloguj się jednorazowym kodem
code-sign-in-intro = Podaj adres e-mail, którego używasz do logowania. Wyślemy na niego kod – hasło nie będzie potrzebne.
send-code = Wyślij kod
send-code-busy = Wysyłanie kodu…
have-code = Mam już kod
username-label = Adres e-mail
# The same words whether or not an account exists for the address.
code-sent = Jeśli { $username } ma u nas konto, wysłaliśmy kod na adres e-mail tego konta. Kod jest ważny przez 10 minut.
code-resent = Jeśli { $username } ma u nas konto, wysłaliśmy nowy kod na adres e-mail tego konta. Poprzedni kod już nie działa; nowy jest ważny przez 10 minut.
# $duration: e.g. "27 seconds".
code-recently-sent = Jeśli { $username } ma u nas konto, przed chwilą wysłaliśmy kod na adres e-mail tego konta: użyj go, jest ważny przez 10 minut. O kolejny kod możesz poprosić za { $duration }.

## Entering the code

code-label = Kod z e-maila
code-hint = 6 liter i cyfr, na przykład lprvj4.
# In place of the code field when the shopper opened the link from the e-mail.
code-from-link = Użyjemy kodu z Twojego e-maila.
# Before the address a code page is for, e.g. "For john@example.com".
code-for = Dla { $username }
code-signing-in-as = Logowanie jako { $username }
# A button: the shown address is not the shopper's.
not-you = To nie Ty?
# The sign-in button when the code came with the e-mail link.
continue-as = Kontynuuj jako { $username }
other-address = Użyj innego adresu e-mail
new-code = Wyślij nowy kod
new-code-busy = Wysyłanie nowego kodu…
# $time: minutes and seconds, e.g. "0:27".
new-code-wait = Wyślij nowy kod za { $time }

## Choosing a new password

change-title = Ustaw nowe hasło
new-password-label = Nowe hasło
new-password-hint = Co najmniej 8 znaków.
confirm-password-label = Powtórz nowe hasło
show-passwords = Pokaż hasła
change-button = Zmień hasło
change-busy = Zmienianie hasła…

## Signed in

choose-account-title = Wybierz konto
choose-account-intro = Należysz do kilku kont. Którego chcesz użyć?
no-choice-waiting = Żadne logowanie nie czeka na wybór konta.
start-again = Zacznij od nowa
signed-in-title = Zalogowano
see-account = Przejdź do konta
return-refused = Nie udało się przenieść Cię z powrotem na poprzednią stronę: ten sklep nie zezwala na adres powrotu podany w linku.
account-label = Konto
signed-in-as-label = Zalogowano jako
signed-in-until-label = Sesja ważna do
sign-out = Wyloguj się
not-signed-in-title = Nie zalogowano

## Pages that stand in for the app

not-found-title = Nie znaleziono strony
not-found-text = Ta strona nie istnieje. Jeśli link pochodzi z e-maila, sprawdź, czy jest kompletny.
go-to-start = Przejdź do strony głównej
framing-title = Nie można tu wyświetlić tej strony
framing-text = Ze względu na bezpieczeństwo Twojego konta logowanie działa tylko na stronach sklepu.
open-in-new-tab = Otwórz w nowej karcie
config-problem-title = Logowanie jest teraz niedostępne
config-problem-text = Logowanie nie jest tu poprawnie skonfigurowane, więc w tej chwili nie możesz się zalogować ani zresetować hasła. Spróbuj ponownie później lub skontaktuj się ze sklepem.
config-problem-details = Szczegóły dla programistów sklepu

## A field's problem, under the field

field-username-missing = Wpisz adres e-mail.
field-username-format = Wpisz adres e-mail, np. nazwa@example.com.
field-username-characters = Adres e-mail zawiera ukryte znaki (zwykle po skopiowaniu). Wpisz go ponownie.
field-code-missing = Wpisz kod z e-maila.
field-code-length = Kod ma 6 znaków.
field-code-characters = Kod zawiera tylko litery i cyfry.
field-code-rejected = Ten kod nie zadziałał. Może zawiera literówkę, został już użyty lub jest starszy niż 10 minut. Sprawdź go lub wyślij sobie nowy kod.
field-password-missing = Wpisz hasło.
field-password-too-short = Użyj co najmniej 8 znaków.
field-confirmation-missing = Wpisz ponownie nowe hasło.
field-confirmation-mismatch = Podane hasła się różnią.

## What went wrong, in a box under the form: a heading and what to do next

error-code-rejected-title = Ten kod nie zadziałał
error-credentials-title = Nie udało się zalogować
error-credentials-text = Adres e-mail lub hasło są nieprawidłowe. Sprawdź je i spróbuj ponownie albo zaloguj się jednorazowym kodem.
error-password-title = Wybierz inne hasło
# $detail: the store's reason, as the store wrote it (often in English).
error-password-detail = Sklep nie zaakceptował tego hasła: { $detail }
error-password-text = Sklep nie zaakceptował tego hasła. Użyj dłuższego.
error-no-accounts-title = Brak konta do zalogowania
error-no-accounts-text = Logowanie się powiodło, ale nie należysz do żadnego konta w tym sklepie. Skontaktuj się ze sklepem.
error-rate-limited-title = Zbyt wiele prób
# $duration: e.g. "2 minutes".
error-rate-limited-wait = Sklep otrzymuje zbyt wiele żądań. Odczekaj { $duration } i spróbuj ponownie.
error-rate-limited-text = Sklep otrzymuje zbyt wiele żądań. Odczekaj minutę i spróbuj ponownie.
error-network-title = Nie udało się połączyć ze sklepem
error-network-text = Sprawdź połączenie z internetem i spróbuj ponownie. Wpisane dane nie zostały utracone.
app-load-failed = Ta strona nie załadowała się w całości. Sprawdź połączenie z internetem, a następnie odśwież stronę.
error-timeout-title = Sklep zbyt długo nie odpowiadał
error-timeout-text = Połączenie może być wolne albo sklep jest przeciążony. Spróbuj ponownie za chwilę. Wpisane dane nie zostały utracone.
error-server-title = Coś poszło nie tak po naszej stronie
error-server-text = Sklep nie mógł teraz tego dokończyć. Spróbuj ponownie za chwilę.
error-setup-title = Ten sklep nie jest jeszcze na to gotowy
# The setup-… sentences name what the store has to change; keep the setting names as they are.
setup-unknown-client = Nie rozpoznano identyfikatora klienta sklepu (sprawdź `client_id` i `api_base` w config.json).
setup-codes-disabled = Kody jednorazowe są wyłączone w profilu haseł tego sklepu (enable_one_time_password_token).
setup-unknown-realm = Ustawienia logowania sklepu wskazują na nieistniejącą domenę lub nieistniejący profil haseł.
setup-self-management = Sklep nie pozwala klientom samodzielnie zmieniać hasła (account_member_self_management musi mieć wartość update_only).
setup-no-password = Twoje konto nie ma hasła w ustawieniach logowania tego sklepu.
setup-forbidden = Uprawnienia sklepu na to nie pozwalają.
