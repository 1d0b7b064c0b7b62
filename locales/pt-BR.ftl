### commerce-otp: what a shopper reads, in Brazilian Portuguese (pt-BR).
### Translated from en.ftl by an AI model (Claude), 2026-11-30; not yet reviewed by a native speaker.
### Form of address: "você" (gender-neutral wording where possible).

## Around every page

skip-to-content = Pular para o conteúdo
# The link to the first page when config.json has no store_name.
store-fallback = Sua conta
# Leaves an embedded flow (the shop's page or frame stays).
cancel = Cancelar
# The label of the language switcher.
language = Idioma

## Signing in with a password (the first page)

sign-in-title = Entrar
password-label = Senha
show-password = Mostrar senha
sign-in-button = Entrar
sign-in-busy = Entrando…
# Beneath the sign-in form: asks for a one-time code by e-mail, to sign in without a password.
email-me-a-code = Receber código por e-mail
forgot-password = Esqueceu sua senha?
password-changed-title = Sua senha foi alterada
password-changed-notice = Entre com sua nova senha.
# On a page that signs in, when this browser tab is signed in already.
signed-in-already = Você já entrou como { $username }. Se entrar aqui, esse acesso será substituído.

## Asking for a one-time code

forgot-title = Redefinir senha
forgot-intro = Informe o e-mail que você usa para entrar. Enviaremos um código para você criar uma nova senha.
code-sign-in-title = Entrar com código de uso único
code-sign-in-intro = Informe o e-mail que você usa para entrar. Enviaremos um código, sem precisar de senha.
send-code = Enviar código
send-code-busy = Enviando código…
have-code = Já tenho um código
username-label = E-mail
# The same words whether or not an account exists for the address.
code-sent = Se { $username } tiver uma conta conosco, enviamos um código para o e-mail dessa conta. O código é válido por 10 minutos.
code-resent = Se { $username } tiver uma conta conosco, enviamos um novo código para o e-mail dessa conta. O código enviado antes não funciona mais; o novo é válido por 10 minutos.
# $duration: e.g. "27 seconds".
code-recently-sent = Se { $username } tiver uma conta conosco, acabamos de enviar um código para o e-mail dessa conta: use esse código, válido por 10 minutos. Você poderá pedir outro em { $duration }.

## Entering the code

code-label = Código recebido por e-mail
code-hint = 6 letras e números, por exemplo lprvj4.
# In place of the code field when the shopper opened the link from the e-mail.
code-from-link = Usaremos o código recebido por e-mail.
# Before the address a code page is for, e.g. "For john@example.com".
code-for = Para { $username }
code-signing-in-as = Entrando como { $username }
# A button: the shown address is not the shopper's.
not-you = Não é você?
# The sign-in button when the code came with the e-mail link.
continue-as = Continuar como { $username }
other-address = Usar outro e-mail
new-code = Enviar novo código
new-code-busy = Enviando novo código…
# $time: minutes and seconds, e.g. "0:27".
new-code-wait = Enviar novo código em { $time }

## Choosing a new password

change-title = Crie uma nova senha
new-password-label = Nova senha
new-password-hint = No mínimo 8 caracteres.
confirm-password-label = Repita a nova senha
show-passwords = Mostrar senhas
change-button = Alterar senha
change-busy = Alterando senha…

## Signed in

choose-account-title = Escolha uma conta
choose-account-intro = Você é membro de várias contas. Qual delas você quer usar?
no-choice-waiting = Não há nenhum acesso aguardando uma escolha.
start-again = Começar de novo
signed-in-title = Você entrou na sua conta
see-account = Ver sua conta
return-refused = Não foi possível levar você de volta para onde estava: esta loja não permite o endereço de retorno do link.
account-label = Conta
signed-in-as-label = Entrou como
signed-in-until-label = Acesso válido até
sign-out = Sair
not-signed-in-title = Você não entrou na sua conta

## Pages that stand in for the app

not-found-title = Página não encontrada
not-found-text = Esta página não existe. Se você abriu um link de um e-mail, verifique se ele está completo.
go-to-start = Ir para a página inicial
framing-title = Esta página não pode ser exibida aqui
framing-text = Para manter sua conta segura, só é possível entrar nas páginas da própria loja.
open-in-new-tab = Abrir em nova aba
config-problem-title = Não é possível entrar no momento
config-problem-text = O acesso não está configurado corretamente aqui, por isso não é possível entrar nem redefinir sua senha no momento. Tente novamente mais tarde ou fale com a loja.
config-problem-details = Detalhes para os desenvolvedores da loja

## A field's problem, under the field

field-username-missing = Informe seu e-mail.
field-username-format = Informe um e-mail válido, como nome@example.com.
field-username-characters = O e-mail contém caracteres ocultos (geralmente por ter sido copiado). Digite-o novamente.
field-code-missing = Informe o código recebido por e-mail.
field-code-length = O código tem 6 caracteres.
field-code-characters = O código tem apenas letras e números.
field-code-rejected = Esse código não funcionou. Ele pode ter sido digitado errado, já ter sido usado ou ter mais de 10 minutos. Confira o código ou peça um novo.
field-password-missing = Informe uma senha.
field-password-too-short = Use no mínimo 8 caracteres.
field-confirmation-missing = Informe a nova senha novamente.
field-confirmation-mismatch = As duas senhas não são iguais.

## What went wrong, in a box under the form: a heading and what to do next

error-code-rejected-title = Esse código não funcionou
error-credentials-title = Não foi possível entrar
error-credentials-text = O e-mail ou a senha estão incorretos. Confira e tente novamente, ou entre com um código de uso único.
error-password-title = Escolha outra senha
# $detail: the store's reason, as the store wrote it (often in English).
error-password-detail = A loja não aceitou esta senha: { $detail }
error-password-text = A loja não aceitou esta senha. Tente uma mais longa.
error-no-accounts-title = Nenhuma conta para entrar
error-no-accounts-text = Você conseguiu entrar, mas não é membro de nenhuma conta nesta loja. Fale com a loja.
error-rate-limited-title = Muitas tentativas
# $duration: e.g. "2 minutes".
error-rate-limited-wait = A loja está recebendo solicitações demais. Aguarde { $duration } e tente novamente.
error-rate-limited-text = A loja está recebendo solicitações demais. Aguarde um minuto e tente novamente.
error-network-title = Não foi possível conectar à loja
error-network-text = Verifique sua conexão com a internet e tente novamente. Nada do que você digitou foi perdido.
app-load-failed = Esta página não carregou por completo. Verifique sua conexão com a internet e recarregue a página.
error-timeout-title = A loja demorou demais para responder
error-timeout-text = Sua conexão pode estar lenta ou a loja, sobrecarregada. Tente novamente em instantes. Nada do que você digitou foi perdido.
error-server-title = Algo deu errado do nosso lado
error-server-text = A loja não conseguiu concluir isso agora. Tente novamente em instantes.
error-setup-title = Esta loja ainda não está pronta para isso
# The setup-… sentences name what the store has to change; keep the setting names as they are.
setup-unknown-client = O ID de cliente da loja não foi reconhecido (verifique `client_id` e `api_base` em config.json).
setup-codes-disabled = Os códigos de uso único estão desativados no perfil de senha desta loja (enable_one_time_password_token).
setup-unknown-realm = As configurações de acesso da loja apontam para um domínio ou perfil de senha que não existe.
setup-self-management = A loja não permite que os clientes alterem a própria senha (account_member_self_management precisa ser update_only).
setup-no-password = Sua conta não tem senha nas configurações de acesso desta loja.
setup-forbidden = As permissões da loja não permitem isso.
