// Supabase Auth UI's e-mail and password sign-in form, as a React 18 app would mount it. The
// client points at a closed local port: nothing may reach the internet (the bench also blocks
// every other origin), and the form renders without a server.
import { createRoot } from 'react-dom/client';
import { createClient } from '@supabase/supabase-js';
import { Auth } from '@supabase/auth-ui-react';
import { ThemeSupa } from '@supabase/auth-ui-shared';

const supabase = createClient('http://127.0.0.1:1', 'anon');
createRoot(document.getElementById('root')).render(
  <Auth supabaseClient={supabase} appearance={{ theme: ThemeSupa }} view="sign_in" providers={[]} />,
);
