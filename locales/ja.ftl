### commerce-otp: what a shopper reads, in Japanese (ja).
### Translated from en.ftl by an AI model (Claude), 2026-11-30; not yet reviewed by a native speaker.
### Register: polite です/ます style (丁寧語) with the light honorifics of Japanese online shops (お客様, ご確認ください); ログイン for "sign in".

## Around every page

skip-to-content = 本文へスキップ
# The link to the first page when config.json has no store_name.
store-fallback = マイアカウント
# Leaves an embedded flow (the shop's page or frame stays).
cancel = キャンセル
# The label of the language switcher.
language = 言語

## Signing in with a password (the first page)

sign-in-title = ログイン
password-label = パスワード
show-password = パスワードを表示
sign-in-button = ログイン
sign-in-busy = ログイン中…
# Beneath the sign-in form: asks for a one-time code by e-mail, to sign in without a password.
email-me-a-code = メールでコードを受け取る
forgot-password = パスワードをお忘れですか？
password-changed-title = パスワードを変更しました
password-changed-notice = 新しいパスワードでログインしてください。
# On a page that signs in, when this browser tab is signed in already.
signed-in-already = 現在 { $username } としてログインしています。ここでログインすると、現在のログインは置き換えられます。

## Asking for a one-time code

forgot-title = パスワードの再設定
forgot-intro = ログインに使用しているメールアドレスを入力してください。新しいパスワードを設定するためのコードをお送りします。
code-sign-in-title = ワンタイムコードでログイン
code-sign-in-intro = ログインに使用しているメールアドレスを入力してください。パスワード不要でログインできるコードをお送りします。
send-code = コードを送信
send-code-busy = コードを送信中…
have-code = すでにコードをお持ちの方
username-label = メールアドレス
# The same words whether or not an account exists for the address.
code-sent = { $username } のアカウントが当ストアにある場合は、そのメールアドレス宛てにコードを送信しました。コードの有効期間は10分間です。
code-resent = { $username } のアカウントが当ストアにある場合は、そのメールアドレス宛てに新しいコードを送信しました。以前のコードは使用できなくなりました。新しいコードの有効期間は10分間です。
# $duration: e.g. "27 seconds".
code-recently-sent = { $username } のアカウントが当ストアにある場合は、そのメールアドレス宛てにコードを送信したばかりです。そのコード（有効期間10分間）をご使用ください。別のコードは { $duration }後にリクエストできます。

## Entering the code

code-label = メールに記載されたコード
code-hint = 英数字6文字（例：lprvj4）
# In place of the code field when the shopper opened the link from the e-mail.
code-from-link = メールに記載されたコードを使用します。
# Before the address a code page is for, e.g. "For john@example.com".
code-for = 対象：{ $username }
code-signing-in-as = { $username } でログインします
# A button: the shown address is not the shopper's.
not-you = ご本人ではありませんか？
# The sign-in button when the code came with the e-mail link.
continue-as = { $username } で続行
other-address = 別のメールアドレスを使用
new-code = 新しいコードを送信
new-code-busy = 新しいコードを送信中…
# $time: minutes and seconds, e.g. "0:27".
new-code-wait = 新しいコードを送信（あと { $time }）

## Choosing a new password

change-title = 新しいパスワードの設定
new-password-label = 新しいパスワード
new-password-hint = 8文字以上で入力してください。
confirm-password-label = 新しいパスワード（確認）
show-passwords = パスワードを表示
change-button = パスワードを変更
change-busy = パスワードを変更中…

## Signed in

choose-account-title = アカウントの選択
choose-account-intro = 複数のアカウントに所属しています。どのアカウントを使用しますか？
no-choice-waiting = 選択待ちのログインはありません。
start-again = 最初からやり直す
signed-in-title = ログインしました
see-account = アカウントを表示
return-refused = 元のページに戻れませんでした。リンクに含まれる戻り先アドレスは、このストアでは許可されていません。
account-label = アカウント
signed-in-as-label = ログイン中のユーザー
signed-in-until-label = ログインの有効期限
sign-out = ログアウト
not-signed-in-title = ログインしていません

## Pages that stand in for the app

not-found-title = ページが見つかりません
not-found-text = このページは存在しません。メールのリンクから開いた場合は、リンクが途中で切れていないかご確認ください。
go-to-start = 最初のページへ
framing-title = このページはここでは表示できません
framing-text = アカウントを保護するため、ログインはストアのページ上でのみ行えます。
open-in-new-tab = 新しいタブで開く
config-problem-title = 現在ログインをご利用いただけません
config-problem-text = このサイトのログイン設定に問題があるため、現在ログインやパスワードの再設定を行えません。時間をおいて再度お試しいただくか、ストアにお問い合わせください。
config-problem-details = ストアの開発者向けの詳細情報

## A field's problem, under the field

field-username-missing = メールアドレスを入力してください。
field-username-format = メールアドレスを name@example.com の形式で入力してください。
field-username-characters = メールアドレスに見えない文字が含まれています（コピーした際によく発生します）。もう一度入力してください。
field-code-missing = メールに記載されたコードを入力してください。
field-code-length = コードは6文字です。
field-code-characters = コードは英数字のみです。
field-code-rejected = このコードは使用できません。入力ミス、使用済み、または発行から10分以上経過している可能性があります。コードを確認するか、新しいコードを送信してください。
field-password-missing = パスワードを入力してください。
field-password-too-short = 8文字以上で入力してください。
field-confirmation-missing = 新しいパスワードをもう一度入力してください。
field-confirmation-mismatch = 2つのパスワードが一致しません。

## What went wrong, in a box under the form: a heading and what to do next

error-code-rejected-title = このコードは使用できません
error-credentials-title = ログインできませんでした
error-credentials-text = メールアドレスまたはパスワードが正しくありません。確認して再度お試しいただくか、ワンタイムコードでログインしてください。
error-password-title = 別のパスワードを設定してください
# $detail: the store's reason, as the store wrote it (often in English).
error-password-detail = このパスワードはストアで受け付けられませんでした：{ $detail }
error-password-text = このパスワードはストアで受け付けられませんでした。より長いパスワードをお試しください。
error-no-accounts-title = ログインできるアカウントがありません
error-no-accounts-text = ログインには成功しましたが、このストアのどのアカウントにも所属していません。ストアにお問い合わせください。
error-rate-limited-title = 試行回数が多すぎます
# $duration: e.g. "2 minutes".
error-rate-limited-wait = ストアへのリクエストが集中しています。{ $duration }待ってから、再度お試しください。
error-rate-limited-text = ストアへのリクエストが集中しています。1分ほど待ってから、再度お試しください。
error-network-title = ストアに接続できませんでした
error-network-text = インターネット接続を確認してから、再度お試しください。入力した内容は失われていません。
app-load-failed = このページを完全に読み込めませんでした。インターネット接続を確認してから、ページを再読み込みしてください。
error-timeout-title = ストアの応答に時間がかかりすぎました
error-timeout-text = 通信速度が遅いか、ストアが混み合っている可能性があります。しばらくしてから再度お試しください。入力した内容は失われていません。
error-server-title = 当サイトで問題が発生しました
error-server-text = ストアで処理を完了できませんでした。しばらくしてから再度お試しください。
error-setup-title = このストアはまだこの機能に対応していません
# The setup-… sentences name what the store has to change; keep the setting names as they are.
setup-unknown-client = ストアのクライアント識別子が認識されませんでした（config.json の `client_id` と `api_base` を確認してください）。
setup-codes-disabled = このストアのパスワードプロファイルでは、ワンタイムコードが無効になっています（enable_one_time_password_token）。
setup-unknown-realm = ストアのログイン設定が、存在しないレルムまたはパスワードプロファイルを参照しています。
setup-self-management = このストアでは、お客様ご自身によるパスワードの変更が許可されていません（account_member_self_management を update_only にする必要があります）。
setup-no-password = このストアのログイン設定では、お客様のアカウントにパスワードが設定されていません。
setup-forbidden = ストアの権限設定により、この操作は許可されていません。
