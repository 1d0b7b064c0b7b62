### commerce-otp: what a shopper reads, in Arabic (ar).
### Translated from en.ftl by an AI model (Claude), 2026-11-30; not yet reviewed by a native speaker.
### Register: formal Modern Standard Arabic; gender-neutral address through verbal nouns (يُرجى + masdar, masdar buttons) and unvocalised second-person suffixes.

## Around every page

skip-to-content = الانتقال إلى المحتوى
# The link to the first page when config.json has no store_name.
store-fallback = حسابك
# Leaves an embedded flow (the shop's page or frame stays).
cancel = إلغاء
# The label of the language switcher.
language = اللغة

## Signing in with a password (the first page)

sign-in-title = تسجيل الدخول
password-label = كلمة المرور
show-password = إظهار كلمة المرور
sign-in-button = تسجيل الدخول
sign-in-busy = جارٍ تسجيل الدخول…
# Beneath the sign-in form: asks for a one-time code by e-mail, to sign in without a password.
email-me-a-code = إرسال رمز إلى بريدي الإلكتروني
forgot-password = هل نسيت كلمة المرور؟
password-changed-title = تم تغيير كلمة المرور
password-changed-notice = يُرجى تسجيل الدخول بكلمة المرور الجديدة.
# On a page that signs in, when this browser tab is signed in already.
signed-in-already = تم تسجيل دخولك باسم { $username }. سيحلّ تسجيل الدخول هنا محلّ تسجيل الدخول الحالي.

## Asking for a one-time code

forgot-title = إعادة تعيين كلمة المرور
forgot-intro = يُرجى إدخال عنوان البريد الإلكتروني المستخدم لتسجيل الدخول، وسنرسل إليك رمزًا لاختيار كلمة مرور جديدة.
code-sign-in-title = تسجيل الدخول برمز لمرة واحدة
code-sign-in-intro = يُرجى إدخال عنوان البريد الإلكتروني المستخدم لتسجيل الدخول، وسنرسل إليك رمزًا دون الحاجة إلى كلمة مرور.
send-code = إرسال الرمز
send-code-busy = جارٍ إرسال الرمز…
have-code = لديّ رمز بالفعل
username-label = عنوان البريد الإلكتروني
# The same words whether or not an account exists for the address.
code-sent = إذا كان لدينا حساب باسم { $username }، فقد أرسلنا رمزًا إلى عنوان البريد الإلكتروني المرتبط به. الرمز صالح لمدة 10 دقائق.
code-resent = إذا كان لدينا حساب باسم { $username }، فقد أرسلنا رمزًا جديدًا إلى عنوان البريد الإلكتروني المرتبط به. لم يعد الرمز السابق صالحًا، والرمز الجديد صالح لمدة 10 دقائق.
# $duration: e.g. "27 seconds".
code-recently-sent = إذا كان لدينا حساب باسم { $username }، فقد أرسلنا للتو رمزًا إلى عنوان البريد الإلكتروني المرتبط به: يُرجى استخدام هذا الرمز، فهو صالح لمدة 10 دقائق. يمكن طلب رمز آخر بعد { $duration }.

## Entering the code

code-label = الرمز المُرسل إلى بريدك الإلكتروني
code-hint = 6 أحرف وأرقام، مثل lprvj4.
# In place of the code field when the shopper opened the link from the e-mail.
code-from-link = سنستخدم الرمز المُرسل إلى بريدك الإلكتروني.
# Before the address a code page is for, e.g. "For john@example.com".
code-for = عنوان البريد الإلكتروني: { $username }
code-signing-in-as = تسجيل الدخول باسم { $username }
# A button: the shown address is not the shopper's.
not-you = ليس عنوانك؟
# The sign-in button when the code came with the e-mail link.
continue-as = المتابعة باسم { $username }
other-address = استخدام عنوان بريد إلكتروني آخر
new-code = إرسال رمز جديد
new-code-busy = جارٍ إرسال رمز جديد…
# $time: minutes and seconds, e.g. "0:27".
new-code-wait = إرسال رمز جديد بعد { $time }

## Choosing a new password

change-title = اختيار كلمة مرور جديدة
new-password-label = كلمة المرور الجديدة
new-password-hint = 8 أحرف على الأقل.
confirm-password-label = تأكيد كلمة المرور الجديدة
show-passwords = إظهار كلمتَي المرور
change-button = تغيير كلمة المرور
change-busy = جارٍ تغيير كلمة المرور…

## Signed in

choose-account-title = اختيار حساب
choose-account-intro = لديك عضوية في عدة حسابات. يُرجى اختيار الحساب المراد استخدامه.
no-choice-waiting = لا يوجد تسجيل دخول بانتظار الاختيار.
start-again = البدء من جديد
signed-in-title = تم تسجيل الدخول
see-account = عرض حسابك
return-refused = تعذّرت إعادتك إلى الصفحة السابقة: عنوان العودة في الرابط غير مسموح به في هذا المتجر.
account-label = الحساب
signed-in-as-label = تسجيل الدخول باسم
signed-in-until-label = ينتهي تسجيل الدخول في
sign-out = تسجيل الخروج
not-signed-in-title = لم يتم تسجيل دخولك

## Pages that stand in for the app

not-found-title = الصفحة غير موجودة
not-found-text = هذه الصفحة غير موجودة. إذا وصلت إليها عبر رابط في رسالة بريد إلكتروني، فيُرجى التحقق من أن الرابط كامل.
go-to-start = الانتقال إلى صفحة البداية
framing-title = لا يمكن عرض هذه الصفحة هنا
framing-text = حفاظًا على أمان حسابك، لا يعمل تسجيل الدخول إلا على صفحات المتجر نفسه.
open-in-new-tab = فتحها في علامة تبويب جديدة
config-problem-title = تسجيل الدخول غير متاح حاليًا
config-problem-text = لم يتم إعداد تسجيل الدخول هنا بشكل صحيح، لذا يتعذّر حاليًا تسجيل الدخول أو إعادة تعيين كلمة المرور. يُرجى المحاولة لاحقًا أو التواصل مع المتجر.
config-problem-details = تفاصيل لمطوّري المتجر

## A field's problem, under the field

field-username-missing = يُرجى إدخال عنوان البريد الإلكتروني.
field-username-format = يُرجى إدخال عنوان بريد إلكتروني صحيح، مثل name@example.com.
field-username-characters = يحتوي عنوان البريد الإلكتروني على أحرف مخفية (غالبًا بسبب النسخ). يُرجى كتابته مرة أخرى.
field-code-missing = يُرجى إدخال الرمز المُرسل إلى بريدك الإلكتروني.
field-code-length = يتكوّن الرمز من 6 خانات.
field-code-characters = يتكوّن الرمز من أحرف وأرقام فقط.
field-code-rejected = هذا الرمز غير صالح. ربما كُتب بشكل خاطئ، أو استُخدم من قبل، أو مضى على إرساله أكثر من 10 دقائق. يُرجى التحقق منه، أو إرسال رمز جديد.
field-password-missing = يُرجى إدخال كلمة مرور.
field-password-too-short = يُرجى استخدام 8 أحرف على الأقل.
field-confirmation-missing = يُرجى إدخال كلمة المرور الجديدة مرة أخرى.
field-confirmation-mismatch = كلمتا المرور غير متطابقتين.

## What went wrong, in a box under the form: a heading and what to do next

error-code-rejected-title = هذا الرمز غير صالح
error-credentials-title = تعذّر تسجيل دخولك
error-credentials-text = عنوان البريد الإلكتروني أو كلمة المرور غير صحيحة. يُرجى التحقق منهما والمحاولة مرة أخرى، أو تسجيل الدخول برمز لمرة واحدة بدلًا من ذلك.
error-password-title = يُرجى اختيار كلمة مرور أخرى
# $detail: the store's reason, as the store wrote it (often in English).
error-password-detail = لم يقبل المتجر كلمة المرور هذه: { $detail }
error-password-text = لم يقبل المتجر كلمة المرور هذه. يُرجى تجربة كلمة مرور أطول.
error-no-accounts-title = لا يوجد حساب لتسجيل الدخول إليه
error-no-accounts-text = نجح تسجيل الدخول، لكن ليست لديك عضوية في أي حساب في هذا المتجر. يُرجى التواصل مع المتجر.
error-rate-limited-title = محاولات كثيرة جدًا
# $duration: e.g. "2 minutes".
error-rate-limited-wait = المتجر مشغول بعدد كبير جدًا من الطلبات. يُرجى الانتظار { $duration }، ثم المحاولة مرة أخرى.
error-rate-limited-text = المتجر مشغول بعدد كبير جدًا من الطلبات. يُرجى الانتظار دقيقة، ثم المحاولة مرة أخرى.
error-network-title = تعذّر الوصول إلى المتجر
error-network-text = يُرجى التحقق من الاتصال بالإنترنت، ثم المحاولة مرة أخرى. لم يُفقد أي شيء مما أدخلته.
app-load-failed = لم يكتمل تحميل هذه الصفحة. يُرجى التحقق من الاتصال بالإنترنت، ثم إعادة تحميل الصفحة.
error-timeout-title = استغرق المتجر وقتًا طويلًا للرد
error-timeout-text = قد يكون الاتصال بطيئًا أو المتجر مشغولًا. يُرجى المحاولة مرة أخرى بعد قليل. لم يُفقد أي شيء مما أدخلته.
error-server-title = حدث خطأ من جانبنا
error-server-text = تعذّر على المتجر إتمام العملية الآن. يُرجى المحاولة مرة أخرى بعد قليل.
error-setup-title = هذا المتجر غير مهيّأ لذلك بعد
# The setup-… sentences name what the store has to change; keep the setting names as they are.
setup-unknown-client = لم يتم التعرّف على معرّف العميل الخاص بالمتجر (يُرجى التحقق من `client_id` و`api_base` في config.json).
setup-codes-disabled = الرموز لمرة واحدة معطّلة في ملف تعريف كلمات المرور الخاص بهذا المتجر (enable_one_time_password_token).
setup-unknown-realm = تشير إعدادات تسجيل الدخول في المتجر إلى نطاق أو ملف تعريف لكلمات المرور غير موجود.
setup-self-management = لا يسمح المتجر للمتسوّقين بتغيير كلمات المرور الخاصة بهم (يجب أن تكون قيمة account_member_self_management هي update_only).
setup-no-password = لا توجد كلمة مرور لحسابك ضمن إعدادات تسجيل الدخول في هذا المتجر.
setup-forbidden = لا تسمح أذونات المتجر بذلك.
