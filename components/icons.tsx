/**
 * The site's line icons, in one place so checkout, confirmation, basket and header draw them the same way.
 * All are decorative (`aria-hidden`): the text next to each says what it means. 24-unit grid, `currentColor`.
 */
type IconProps = {
  size: number;
  strokeWidth?: number;
  join?: "round" | "miter";
  className?: string;
  children: React.ReactNode;
};

function LineIcon({ size, strokeWidth = 2, join = "round", className, children }: IconProps) {
  return (
    <svg
      aria-hidden
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin={join}
      className={className}
    >
      {children}
    </svg>
  );
}

/** "Paid securely" next to the payment form. */
export function LockIcon() {
  return (
    <LineIcon size={14} strokeWidth={2.2}>
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </LineIcon>
  );
}

/** "Add to calendar" links. */
export function CalendarIcon() {
  return (
    <LineIcon size={16}>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 10h18" />
    </LineIcon>
  );
}

/** The tick on the booking confirmation. */
export function CheckIcon() {
  return (
    <LineIcon size={28} strokeWidth={2.5}>
      <path d="m5 12.5 4.5 4.5L19 7.5" />
    </LineIcon>
  );
}

/** "Your tickets are held for a limited time" in the basket. */
export function ClockIcon({ className }: { className?: string }) {
  return (
    // A sharp corner where the hands meet, as it has always been drawn.
    <LineIcon size={20} join="miter" className={className}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </LineIcon>
  );
}

/** The header's basket link. */
export function BasketIcon() {
  return (
    <LineIcon size={18}>
      <path d="M3 9h18l-2 11H5L3 9Z" />
      <path d="M8 9V7a4 4 0 0 1 8 0v2" />
    </LineIcon>
  );
}

/** The header's account link. */
export function PersonIcon() {
  return (
    <LineIcon size={17}>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21a8 8 0 0 1 16 0" />
    </LineIcon>
  );
}

/** Member benefits on the sign-in page (filled, unlike the line icons). */
export function StarIcon({ className }: { className?: string }) {
  return (
    <svg aria-hidden width="18" height="18" viewBox="0 0 24 24" className={className} fill="currentColor">
      <path d="m12 2.5 2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8L12 2.5Z" />
    </svg>
  );
}
