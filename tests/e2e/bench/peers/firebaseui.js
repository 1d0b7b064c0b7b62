// FirebaseUI's e-mail sign-in (its only provider), on Firebase's compat API as FirebaseUI 6
// needs it. The project is made up: nothing may reach the internet (the bench blocks every
// other origin), and the first screen renders without a server.
import firebase from 'firebase/compat/app';
import 'firebase/compat/auth';
import * as firebaseui from 'firebaseui';
import 'firebaseui/dist/firebaseui.css';

firebase.initializeApp({ apiKey: 'bench-not-a-key', authDomain: 'bench.invalid', projectId: 'bench' });
const ui = new firebaseui.auth.AuthUI(firebase.auth());
ui.start('#root', {
  signInOptions: [firebase.auth.EmailAuthProvider.PROVIDER_ID],
  signInFlow: 'popup',
  credentialHelper: firebaseui.auth.CredentialHelper.NONE,
});
