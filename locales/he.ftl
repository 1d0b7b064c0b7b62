### commerce-otp: what a shopper reads, in Hebrew (he).
### Translated from en.ftl by an AI model (Claude), 2026-11-30; not yet reviewed by a native speaker.
### Register: modern UI Hebrew; gender-neutral address through infinitives (יש ל…, nominal buttons), first-person plural and unvocalised second-person forms.

## Around every page

skip-to-content = דילוג לתוכן
# The link to the first page when config.json has no store_name.
store-fallback = החשבון שלך
# Leaves an embedded flow (the shop's page or frame stays).
cancel = ביטול
# The label of the language switcher.
language = שפה

## Signing in with a password (the first page)

sign-in-title = התחברות
password-label = סיסמה
show-password = הצגת הסיסמה
sign-in-button = התחברות
sign-in-busy = מתחברים…
# Beneath the sign-in form: asks for a one-time code by e-mail, to sign in without a password.
email-me-a-code = שליחת קוד לאימייל
forgot-password = שכחת את הסיסמה?
password-changed-title = הסיסמה שונתה
password-changed-notice = עכשיו אפשר להתחבר עם הסיסמה החדשה.
# On a page that signs in, when this browser tab is signed in already.
signed-in-already = התחברת בתור { $username }. התחברות כאן תחליף את ההתחברות הנוכחית.

## Asking for a one-time code

forgot-title = איפוס סיסמה
forgot-intro = יש להזין את כתובת האימייל שמשמשת אותך להתחברות. נשלח אליך קוד לבחירת סיסמה חדשה.
code-sign-in-title = התחברות עם קוד חד-פעמי
code-sign-in-intro = יש להזין את כתובת האימייל שמשמשת אותך להתחברות. נשלח אליך קוד, בלי צורך בסיסמה.
send-code = שליחת קוד
send-code-busy = שולחים קוד…
have-code = כבר יש לי קוד
username-label = כתובת אימייל
# The same words whether or not an account exists for the address.
code-sent = אם קיים אצלנו חשבון עבור { $username }, שלחנו קוד לכתובת האימייל המשויכת אליו. הקוד בתוקף ל-10 דקות.
code-resent = אם קיים אצלנו חשבון עבור { $username }, שלחנו קוד חדש לכתובת האימייל המשויכת אליו. הקוד הקודם כבר לא תקף; הקוד החדש בתוקף ל-10 דקות.
# $duration: e.g. "27 seconds".
code-recently-sent = אם קיים אצלנו חשבון עבור { $username }, זה עתה שלחנו קוד לכתובת האימייל המשויכת אליו: יש להשתמש בקוד הזה, הוא בתוקף ל-10 דקות. אפשר לבקש קוד נוסף בעוד { $duration }.

## Entering the code

code-label = הקוד מהאימייל
code-hint = 6 אותיות וספרות, לדוגמה lprvj4.
# In place of the code field when the shopper opened the link from the e-mail.
code-from-link = נשתמש בקוד מהאימייל.
# Before the address a code page is for, e.g. "For john@example.com".
code-for = עבור { $username }
code-signing-in-as = התחברות בתור { $username }
# A button: the shown address is not the shopper's.
not-you = לא הכתובת שלך?
# The sign-in button when the code came with the e-mail link.
continue-as = המשך בתור { $username }
other-address = שימוש בכתובת אימייל אחרת
new-code = שליחת קוד חדש
new-code-busy = שולחים קוד חדש…
# $time: minutes and seconds, e.g. "0:27".
new-code-wait = שליחת קוד חדש בעוד { $time }

## Choosing a new password

change-title = בחירת סיסמה חדשה
new-password-label = סיסמה חדשה
new-password-hint = לפחות 8 תווים.
confirm-password-label = אימות הסיסמה החדשה
show-passwords = הצגת הסיסמאות
change-button = שינוי הסיסמה
change-busy = משנים את הסיסמה…

## Signed in

choose-account-title = בחירת חשבון
choose-account-intro = יש לך גישה לכמה חשבונות. באיזה חשבון להשתמש?
no-choice-waiting = אין התחברות שממתינה לבחירה.
start-again = התחלה מחדש
signed-in-title = התחברת בהצלחה
see-account = מעבר לחשבון
return-refused = לא הצלחנו להחזיר אותך לדף הקודם: כתובת החזרה שבקישור אינה מורשית בחנות הזו.
account-label = חשבון
signed-in-as-label = התחברות בתור
signed-in-until-label = ההתחברות בתוקף עד
sign-out = התנתקות
not-signed-in-title = לא התחברת

## Pages that stand in for the app

not-found-title = הדף לא נמצא
not-found-text = הדף הזה לא קיים. אם הגעת לכאן מקישור באימייל, כדאי לבדוק שהקישור שלם.
go-to-start = מעבר לדף הראשי
framing-title = אי אפשר להציג את הדף הזה כאן
framing-text = כדי לשמור על אבטחת החשבון שלך, אפשר להתחבר רק בדפים של החנות עצמה.
open-in-new-tab = פתיחה בכרטיסייה חדשה
config-problem-title = ההתחברות לא זמינה כרגע
config-problem-text = ההתחברות לא הוגדרה כראוי באתר הזה, ולכן כרגע אי אפשר להתחבר או לאפס את הסיסמה. כדאי לנסות שוב מאוחר יותר או לפנות לחנות.
config-problem-details = פרטים למפתחי החנות

## A field's problem, under the field

field-username-missing = יש להזין כתובת אימייל.
field-username-format = יש להזין כתובת אימייל, למשל name@example.com.
field-username-characters = בכתובת האימייל יש תווים נסתרים (בדרך כלל מהעתקה). יש להקליד אותה שוב.
field-code-missing = יש להזין את הקוד מהאימייל.
field-code-length = הקוד מורכב מ-6 תווים.
field-code-characters = הקוד מורכב מאותיות וספרות בלבד.
field-code-rejected = הקוד הזה לא תקף. ייתכן שהוקלד בטעות, שכבר נעשה בו שימוש או שעברו יותר מ-10 דקות מאז שנשלח. יש לבדוק אותו או לשלוח לעצמך קוד חדש.
field-password-missing = יש להזין סיסמה.
field-password-too-short = יש להשתמש ב-8 תווים לפחות.
field-confirmation-missing = יש להזין שוב את הסיסמה החדשה.
field-confirmation-mismatch = הסיסמאות לא זהות.

## What went wrong, in a box under the form: a heading and what to do next

error-code-rejected-title = הקוד הזה לא תקף
error-credentials-title = ההתחברות נכשלה
error-credentials-text = כתובת האימייל או הסיסמה שגויות. יש לבדוק אותן ולנסות שוב, או להתחבר עם קוד חד-פעמי במקום זאת.
error-password-title = יש לבחור סיסמה אחרת
# $detail: the store's reason, as the store wrote it (often in English).
error-password-detail = החנות לא קיבלה את הסיסמה הזו: { $detail }
error-password-text = החנות לא קיבלה את הסיסמה הזו. כדאי לנסות סיסמה ארוכה יותר.
error-no-accounts-title = אין חשבון להתחבר אליו
error-no-accounts-text = ההתחברות הצליחה, אבל אין לך גישה לאף חשבון בחנות הזו. יש לפנות לחנות.
error-rate-limited-title = יותר מדי ניסיונות
# $duration: e.g. "2 minutes".
error-rate-limited-wait = החנות עמוסה בבקשות רבות מדי. יש להמתין { $duration } ולנסות שוב.
error-rate-limited-text = החנות עמוסה בבקשות רבות מדי. יש להמתין דקה ולנסות שוב.
error-network-title = לא הצלחנו לתקשר עם החנות
error-network-text = יש לבדוק את החיבור לאינטרנט ולנסות שוב. הפרטים שהקלדת לא אבדו.
app-load-failed = הדף לא נטען במלואו. יש לבדוק את החיבור לאינטרנט ולטעון מחדש את הדף.
error-timeout-title = החנות לא הגיבה בזמן
error-timeout-text = ייתכן שהחיבור איטי או שהחנות עמוסה. כדאי לנסות שוב בעוד רגע. הפרטים שהקלדת לא אבדו.
error-server-title = משהו השתבש אצלנו
error-server-text = החנות לא הצליחה להשלים את הפעולה כרגע. כדאי לנסות שוב בעוד רגע.
error-setup-title = החנות עדיין לא מוכנה לפעולה הזו
# The setup-… sentences name what the store has to change; keep the setting names as they are.
setup-unknown-client = מזהה הלקוח של החנות לא זוהה (יש לבדוק את `client_id` ואת `api_base` בקובץ config.json).
setup-codes-disabled = קודים חד-פעמיים מושבתים בפרופיל הסיסמאות של החנות (enable_one_time_password_token).
setup-unknown-realm = הגדרות ההתחברות של החנות מפנות לתחום או לפרופיל סיסמאות שלא קיימים.
setup-self-management = החנות לא מאפשרת ללקוחות לשנות את הסיסמה בעצמם (ההגדרה account_member_self_management צריכה להיות update_only).
setup-no-password = לחשבון שלך אין סיסמה בהגדרות ההתחברות של החנות הזו.
setup-forbidden = ההרשאות של החנות לא מאפשרות את הפעולה הזו.
