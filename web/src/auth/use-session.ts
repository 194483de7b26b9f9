import { useCallback, useEffect, useState } from 'react';
import { onUnauthorized } from '../api/client';
import { forgetEarlyResponses } from '../boot/early-requests';
import { fetchMe, isStaff, type StaffUser, signOut } from './session-client';

export type Session =
  | { status: 'loading' }
  | { status: 'failed'; error: Error }
  | { status: 'signedOut'; publicMap: boolean; expired: boolean }
  | { status: 'signedIn'; user: StaffUser };

/** Paths whose 401 means "the staff session is gone" (public routes answer anonymously; auth is ours). */
function isStaffRead(path: string): boolean {
  return !path.startsWith('/api/v1/public/') && !path.startsWith('/api/v1/auth/');
}

/**
 * Who is signed in: asked once, then kept from the sign-in answer. A staff read answering 401 while signed
 * in means the session expired (or was ended by `user passwd`/`remove`): back to the sign-in form. The URL
 * is not touched, so signing in again lands on the same view.
 */
export function useSession() {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is what re-asks
  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      (me) =>
        setSession(
          isStaff(me)
            ? { status: 'signedIn', user: me }
            : { status: 'signedOut', publicMap: me.publicMap, expired: false },
        ),
      (error: Error) => {
        if (!controller.signal.aborted) setSession({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(
    () =>
      onUnauthorized((path) => {
        if (!isStaffRead(path)) return;
        setSession((current) =>
          current.status === 'signedIn' ? { status: 'signedOut', publicMap: true, expired: true } : current,
        );
      }),
    [],
  );

  const signedIn = useCallback((user: StaffUser) => {
    forgetEarlyResponses();
    setSession({ status: 'signedIn', user });
  }, []);
  const end = useCallback(async () => {
    forgetEarlyResponses();
    await signOut().catch(() => undefined);
    setSession({ status: 'signedOut', publicMap: true, expired: false });
    // Ask again: whether the public map is on is the server's to say.
    setAttempt((value) => value + 1);
  }, []);
  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { session, signedIn, signOut: end, retry };
}
