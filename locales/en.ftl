### commerce-otp: what a shopper reads, in English (the fallback; built into the app).
### Fluent syntax (https://projectfluent.org/fluent/guide/), the subset the app reads: text and
### variables ({ $name }), one message per line. Numbers and durations in variables are already
### written out in the shopper's language by the browser (Intl), e.g. "45 seconds", "2 minutes".
### Variables keep their names in every language. Keep `config.json` setting names as they are.

## Around every page

skip-to-content = Skip to content
# The link to the first page when config.json has no store_name.
store-fallback = Your account
# Leaves an embedded flow (the shop's page or frame stays).
cancel = Cancel
# The label of the language switcher.
language = Language

## Signing in with a password (the first page)

sign-in-title = Sign in
password-label = Password
show-password = Show password
sign-in-button = Sign in
sign-in-busy = Signing in…
# Beneath the sign-in form: asks for a one-time code by e-mail, to sign in without a password.
email-me-a-code = E-mail me a code
forgot-password = Forgot your password?
password-changed-title = Your password has been changed
password-changed-notice = Sign in with your new password.
# On a page that signs in, when this browser tab is signed in already.
signed-in-already = You're signed in as { $username }. Signing in here replaces that sign-in.

## Asking for a one-time code

forgot-title = Reset your password
forgot-intro = Enter the e-mail address you sign in with. We'll send you a code to choose a new password.
code-sign-in-title = Sign in with a one-time code
code-sign-in-intro = Enter the e-mail address you sign in with. We'll send you a code, no password needed.
send-code = Send code
send-code-busy = Sending code…
have-code = I already have a code
username-label = E-mail address
# The same words whether or not an account exists for the address.
code-sent = If { $username } has an account with us, we've sent a code to its e-mail address. The code is valid for 10 minutes.
code-resent = If { $username } has an account with us, we've sent a new code to its e-mail address. The code sent before no longer works; the new one is valid for 10 minutes.
# $duration: e.g. "27 seconds".
code-recently-sent = If { $username } has an account with us, we've just sent a code to its e-mail address: use that one, valid for 10 minutes. You can ask for another in { $duration }.

## Entering the code

code-label = Code from your e-mail
code-hint = 6 letters and digits, for example lprvj4.
# In place of the code field when the shopper opened the link from the e-mail.
code-from-link = We'll use the code from your e-mail.
# Before the address a code page is for, e.g. "For john@example.com".
code-for = For { $username }
code-signing-in-as = Signing in as { $username }
# A button: the shown address is not the shopper's.
not-you = Not you?
# The sign-in button when the code came with the e-mail link.
continue-as = Continue as { $username }
other-address = Use a different e-mail address
new-code = Send a new code
new-code-busy = Sending a new code…
# $time: minutes and seconds, e.g. "0:27".
new-code-wait = Send a new code in { $time }

## Choosing a new password

change-title = Choose a new password
new-password-label = New password
new-password-hint = At least 8 characters.
confirm-password-label = New password again
show-passwords = Show passwords
change-button = Change password
change-busy = Changing password…

## Signed in

choose-account-title = Choose an account
choose-account-intro = You're a member of several accounts. Which one do you want to use?
no-choice-waiting = There is no sign-in waiting for a choice.
start-again = Start again
signed-in-title = You're signed in
see-account = See your account
return-refused = We couldn't take you back to where you came from: the link's return address isn't one this store allows.
account-label = Account
signed-in-as-label = Signed in as
signed-in-until-label = Signed in until
sign-out = Sign out
not-signed-in-title = You're not signed in

## Pages that stand in for the app

not-found-title = Page not found
not-found-text = This page doesn't exist. If you followed a link from an e-mail, check it is complete.
go-to-start = Go to the start page
framing-title = This page can't be shown here
framing-text = To keep your account safe, signing in works only on the store's own pages.
open-in-new-tab = Open it in a new tab
config-problem-title = Sign-in is unavailable right now
config-problem-text = Sign-in isn't set up correctly here, so you can't sign in or reset your password at the moment. Please try again later or contact the store.
config-problem-details = Details for the store's developers

## A field's problem, under the field

field-username-missing = Enter your e-mail address.
field-username-format = Enter an e-mail address, like name@example.com.
field-username-characters = The e-mail address has hidden characters in it (often from copying). Type it again.
field-code-missing = Enter the code from your e-mail.
field-code-length = The code has 6 characters.
field-code-characters = The code has only letters and digits.
field-code-rejected = That code didn't work. It may be mistyped, used already, or more than 10 minutes old. Check it, or send yourself a new code.
field-password-missing = Enter a password.
field-password-too-short = Use at least 8 characters.
field-confirmation-missing = Enter the new password again.
field-confirmation-mismatch = The two passwords are not the same.

## What went wrong, in a box under the form: a heading and what to do next

error-code-rejected-title = That code didn't work
error-credentials-title = We couldn't sign you in
error-credentials-text = The e-mail address or password is not right. Check them and try again, or sign in with a one-time code instead.
error-password-title = Choose a different password
# $detail: the store's reason, as the store wrote it (often in English).
error-password-detail = The store didn't accept this password: { $detail }
error-password-text = The store didn't accept this password. Try a longer one.
error-no-accounts-title = No account to sign in to
error-no-accounts-text = Your sign-in worked, but you are not a member of any account in this store. Please contact the store.
error-rate-limited-title = Too many attempts
# $duration: e.g. "2 minutes".
error-rate-limited-wait = The store is busy with too many requests. Wait { $duration }, then try again.
error-rate-limited-text = The store is busy with too many requests. Wait a minute, then try again.
error-network-title = We couldn't reach the store
error-network-text = Check your internet connection, then try again. Nothing you typed has been lost.
# When the page's first form showed, but the rest of the page could not be loaded.
app-load-failed = This page didn't load completely. Check your internet connection, then reload the page.
error-timeout-title = The store took too long to answer
error-timeout-text = Your connection may be slow, or the store busy. Try again in a moment. Nothing you typed has been lost.
error-server-title = Something went wrong on our side
error-server-text = The store couldn't complete this just now. Please try again in a moment.
error-setup-title = This store isn't ready for this yet
# The setup-… sentences name what the store has to change; keep the setting names as they are.
setup-unknown-client = The store's client id was not recognised (check `client_id` and `api_base` in config.json).
setup-codes-disabled = One-time codes are switched off for this store's password profile (enable_one_time_password_token).
setup-unknown-realm = The store's sign-in settings point at a realm or password profile that does not exist.
setup-self-management = The store doesn't let shoppers change their own password (account_member_self_management must be update_only).
setup-no-password = Your account has no password with this store's sign-in settings.
setup-forbidden = The store's permissions don't allow this.
