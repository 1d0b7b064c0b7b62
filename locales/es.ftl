### commerce-otp: what a shopper reads, in Spanish (es).
### Translated from en.ftl by an AI model (Claude), 2026-11-30; not yet reviewed by a native speaker.
### Form of address: informal "tú" throughout, as most Spanish online shops use; Spanish as written in Spain ("introduce", "has olvidado").

## Around every page

skip-to-content = Saltar al contenido
# The link to the first page when config.json has no store_name.
store-fallback = Tu cuenta
# Leaves an embedded flow (the shop's page or frame stays).
cancel = Cancelar
# The label of the language switcher.
language = Idioma

## Signing in with a password (the first page)

sign-in-title = Iniciar sesión
password-label = Contraseña
show-password = Mostrar contraseña
sign-in-button = Iniciar sesión
sign-in-busy = Iniciando sesión…
# Beneath the sign-in form: asks for a one-time code by e-mail, to sign in without a password.
email-me-a-code = Recibir un código por correo
forgot-password = ¿Has olvidado tu contraseña?
password-changed-title = Se ha cambiado tu contraseña
password-changed-notice = Inicia sesión con tu nueva contraseña.
# On a page that signs in, when this browser tab is signed in already.
signed-in-already = Has iniciado sesión como { $username }. Si inicias sesión aquí, esa sesión se sustituirá.

## Asking for a one-time code

forgot-title = Restablecer la contraseña
forgot-intro = Introduce el correo electrónico con el que inicias sesión. Te enviaremos un código para que elijas una nueva contraseña.
code-sign-in-title = Iniciar sesión con un código de un solo uso
code-sign-in-intro = Introduce el correo electrónico con el que inicias sesión. Te enviaremos un código; no necesitas contraseña.
send-code = Enviar código
send-code-busy = Enviando código…
have-code = Ya tengo un código
username-label = Correo electrónico
# The same words whether or not an account exists for the address.
code-sent = Si existe una cuenta para { $username }, hemos enviado un código al correo electrónico asociado. El código es válido durante 10 minutos.
code-resent = Si existe una cuenta para { $username }, hemos enviado un nuevo código al correo electrónico asociado. El código anterior ya no funciona; el nuevo es válido durante 10 minutos.
# $duration: e.g. "27 seconds".
code-recently-sent = Si existe una cuenta para { $username }, acabamos de enviar un código al correo electrónico asociado: usa ese, es válido durante 10 minutos. Podrás pedir otro dentro de { $duration }.

## Entering the code

code-label = Código recibido por correo
code-hint = 6 letras y números, por ejemplo lprvj4.
# In place of the code field when the shopper opened the link from the e-mail.
code-from-link = Usaremos el código del correo que te hemos enviado.
# Before the address a code page is for, e.g. "For john@example.com".
code-for = Para { $username }
code-signing-in-as = Iniciando sesión como { $username }
# A button: the shown address is not the shopper's.
not-you = ¿No eres tú?
# The sign-in button when the code came with the e-mail link.
continue-as = Continuar como { $username }
other-address = Usar otro correo electrónico
new-code = Enviar un nuevo código
new-code-busy = Enviando un nuevo código…
# $time: minutes and seconds, e.g. "0:27".
new-code-wait = Enviar un nuevo código en { $time }

## Choosing a new password

change-title = Elegir una nueva contraseña
new-password-label = Nueva contraseña
new-password-hint = Al menos 8 caracteres.
confirm-password-label = Repite la nueva contraseña
show-passwords = Mostrar contraseñas
change-button = Cambiar contraseña
change-busy = Cambiando contraseña…

## Signed in

choose-account-title = Elegir una cuenta
choose-account-intro = Perteneces a varias cuentas. ¿Cuál quieres usar?
no-choice-waiting = No hay ningún inicio de sesión pendiente de elegir cuenta.
start-again = Volver a empezar
signed-in-title = Has iniciado sesión
see-account = Ver tu cuenta
return-refused = No hemos podido llevarte de vuelta a la página de origen: esta tienda no permite la dirección de retorno del enlace.
account-label = Cuenta
signed-in-as-label = Sesión iniciada como
signed-in-until-label = Sesión iniciada hasta
sign-out = Cerrar sesión
not-signed-in-title = No has iniciado sesión

## Pages that stand in for the app

not-found-title = Página no encontrada
not-found-text = Esta página no existe. Si has abierto un enlace de un correo, comprueba que esté completo.
go-to-start = Ir a la página de inicio
framing-title = Esta página no se puede mostrar aquí
framing-text = Para proteger tu cuenta, solo se puede iniciar sesión en las páginas de la propia tienda.
open-in-new-tab = Abrir en una pestaña nueva
config-problem-title = El inicio de sesión no está disponible ahora mismo
config-problem-text = El inicio de sesión no está bien configurado aquí, así que ahora mismo no puedes iniciar sesión ni restablecer tu contraseña. Vuelve a intentarlo más tarde o ponte en contacto con la tienda.
config-problem-details = Detalles para los desarrolladores de la tienda

## A field's problem, under the field

field-username-missing = Introduce tu correo electrónico.
field-username-format = Introduce un correo electrónico válido, como nombre@example.com.
field-username-characters = El correo electrónico contiene caracteres ocultos (suele pasar al copiar y pegar). Vuelve a escribirlo.
field-code-missing = Introduce el código que has recibido por correo.
field-code-length = El código tiene 6 caracteres.
field-code-characters = El código solo tiene letras y números.
field-code-rejected = Ese código no ha funcionado. Puede que esté mal escrito, que ya se haya usado o que tenga más de 10 minutos. Compruébalo o pide un nuevo código.
field-password-missing = Introduce una contraseña.
field-password-too-short = Usa al menos 8 caracteres.
field-confirmation-missing = Vuelve a introducir la nueva contraseña.
field-confirmation-mismatch = Las dos contraseñas no coinciden.

## What went wrong, in a box under the form: a heading and what to do next

error-code-rejected-title = Ese código no ha funcionado
error-credentials-title = No hemos podido iniciar tu sesión
error-credentials-text = El correo electrónico o la contraseña no son correctos. Compruébalos y vuelve a intentarlo, o inicia sesión con un código de un solo uso.
error-password-title = Elige otra contraseña
# $detail: the store's reason, as the store wrote it (often in English).
error-password-detail = La tienda no ha aceptado esta contraseña: { $detail }
error-password-text = La tienda no ha aceptado esta contraseña. Prueba con una más larga.
error-no-accounts-title = No hay ninguna cuenta disponible
error-no-accounts-text = Has iniciado sesión correctamente, pero no perteneces a ninguna cuenta de esta tienda. Ponte en contacto con la tienda.
error-rate-limited-title = Demasiados intentos
# $duration: e.g. "2 minutes".
error-rate-limited-wait = La tienda está recibiendo demasiadas solicitudes. Espera { $duration } y vuelve a intentarlo.
error-rate-limited-text = La tienda está recibiendo demasiadas solicitudes. Espera un minuto y vuelve a intentarlo.
error-network-title = No hemos podido conectar con la tienda
error-network-text = Comprueba tu conexión a internet y vuelve a intentarlo. No se ha perdido nada de lo que has escrito.
app-load-failed = Esta página no se ha cargado por completo. Comprueba tu conexión a internet y vuelve a cargar la página.
error-timeout-title = La tienda ha tardado demasiado en responder
error-timeout-text = Puede que tu conexión sea lenta o que la tienda esté saturada. Vuelve a intentarlo en un momento. No se ha perdido nada de lo que has escrito.
error-server-title = Algo ha fallado por nuestra parte
error-server-text = La tienda no ha podido completar la operación ahora mismo. Vuelve a intentarlo en un momento.
error-setup-title = Esta tienda aún no está preparada para esto
# The setup-… sentences name what the store has to change; keep the setting names as they are.
setup-unknown-client = No se ha reconocido el identificador de cliente de la tienda (comprueba `client_id` y `api_base` en config.json).
setup-codes-disabled = Los códigos de un solo uso están desactivados en el perfil de contraseñas de esta tienda (enable_one_time_password_token).
setup-unknown-realm = La configuración de inicio de sesión de la tienda apunta a un dominio o a un perfil de contraseñas que no existe.
setup-self-management = La tienda no permite que los clientes cambien su propia contraseña (account_member_self_management debe ser update_only).
setup-no-password = Tu cuenta no tiene contraseña con la configuración de inicio de sesión de esta tienda.
setup-forbidden = Los permisos de la tienda no autorizan esta acción.
