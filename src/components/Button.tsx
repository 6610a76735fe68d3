import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-indigo-600 font-semibold text-white shadow-sm hover:bg-indigo-700",
  secondary: "border border-gray-300 bg-white font-medium text-gray-700 shadow-sm hover:bg-gray-50",
  ghost: "font-medium text-indigo-600 hover:bg-indigo-50",
  danger: "bg-white font-medium text-rose-700 shadow-sm ring-1 ring-rose-200 hover:bg-rose-100",
} as const;
const SIZES = { sm: "px-2 py-1 text-sm", md: "px-4 py-2 text-sm" } as const;

export type ButtonVariant = keyof typeof VARIANTS;

/** The look of a button, for a Link that should read as one. */
export function buttonClass(variant: ButtonVariant = "secondary", size: keyof typeof SIZES = "md") {
  return `inline-flex items-center justify-center gap-2 rounded-md disabled:opacity-60 ${VARIANTS[variant]} ${SIZES[size]}`;
}

export function Button({
  variant = "secondary",
  size = "md",
  className = "",
  type = "button",
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: keyof typeof SIZES;
}) {
  // `type` defaults to "button": a plain Button inside a form must not submit it.
  return <button type={type} className={`${buttonClass(variant, size)} ${className}`} {...rest} />;
}
