// The dashboard shell: sign-in gate, header navigation, and the route table.
import { useEffect, useState } from 'react';
import { getToken, setToken } from './api.js';
import { Empty } from './components/States.js';
import { Account } from './pages/Account.js';
import { Campaign } from './pages/Campaign.js';
import { Campaigns } from './pages/Campaigns.js';
import { Overview } from './pages/Overview.js';
import { SignIn } from './pages/SignIn.js';
import { href, useRoute } from './router.js';

/** Whether a token is kept, re-read whenever sign-in or sign-out happens. */
function useSignedIn(): boolean {
  const [signedIn, setSignedIn] = useState(() => getToken() !== null);
  useEffect(() => {
    const onAuth = () => setSignedIn(getToken() !== null);
    window.addEventListener('distillwatch:auth', onAuth);
    return () => window.removeEventListener('distillwatch:auth', onAuth);
  }, []);
  return signedIn;
}

/** The application. */
export function App() {
  const signedIn = useSignedIn();
  const route = useRoute();
  if (!signedIn) return <SignIn />;
  const [section, id] = route.path;
  const page = (() => {
    if (!section) return <Overview />;
    if (section === 'campaigns' && id) return <Campaign key={id} id={id} />;
    if (section === 'campaigns') return <Campaigns params={route.params} />;
    if (section === 'accounts' && id) return <Account key={id} id={id} />;
    return (
      <Empty title="Page not found">
        <a href={href([])}>Back to the overview</a>
      </Empty>
    );
  })();
  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href={href([])}>
          <span className="brand-mark" />
          distillwatch
        </a>
        <nav>
          <a href={href([])} className={!section ? 'active' : ''}>
            Overview
          </a>
          <a href={href(['campaigns'])} className={section === 'campaigns' ? 'active' : ''}>
            Campaigns
          </a>
        </nav>
        <AccountJump />
        <button type="button" className="btn btn-ghost" onClick={() => setToken(null)}>
          Sign out
        </button>
      </header>
      <main>{page}</main>
    </div>
  );
}

/** A box to open any account by id. */
function AccountJump() {
  const [value, setValue] = useState('');
  return (
    <form
      className="jump"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) window.location.hash = href(['accounts', value.trim()]).slice(1);
        setValue('');
      }}
    >
      <input
        type="search"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder="Open account by id…"
        aria-label="Open account by id"
      />
    </form>
  );
}
