// The demo store's help desk: a few shopper conversations and the help-centre FAQs.
import { offlineEmbedding } from "../model/support";
import type { ConversationChannel, ConversationStatus, MessageAuthor } from "../model/validators";

export type SeedConversation = {
  status: ConversationStatus;
  channel: ConversationChannel;
  // Position in the recent-orders list, when the conversation is about an order.
  recentOrder?: number;
  subject: string;
  messages: { author: MessageAuthor; body: string; minutesAgo: number }[];
};

export function buildConversations(): SeedConversation[] {
  return [
    {
      status: "closed",
      channel: "chat",
      recentOrder: 0,
      subject: "Where is my order?",
      messages: [
        { author: "customer", body: "Hi! When will my order ship?", minutesAgo: 300 },
        {
          author: "bot",
          body: "Your order is being prepared and usually ships within 1–3 days. You'll get a tracking link by email.",
          minutesAgo: 299,
        },
        { author: "customer", body: "Great, thanks!", minutesAgo: 297 },
      ],
    },
    {
      status: "escalated",
      channel: "email",
      recentOrder: 1,
      subject: "Item arrived damaged",
      messages: [
        {
          author: "customer",
          body: "One of the items in my order arrived cracked. Can I get a replacement?",
          minutesAgo: 900,
        },
        {
          author: "bot",
          body: "Sorry about that! I've passed this to our team, who will reply within a day.",
          minutesAgo: 899,
        },
      ],
    },
    {
      status: "bot",
      channel: "chat",
      subject: "Do you ship to Canada?",
      messages: [
        { author: "customer", body: "Do you ship to Canada?", minutesAgo: 25 },
        {
          author: "bot",
          body: "Yes — we ship to Canada in 7–12 business days, with free shipping over $50.",
          minutesAgo: 24,
        },
      ],
    },
    {
      status: "closed",
      channel: "chat",
      subject: "Which bed size for a beagle?",
      messages: [
        {
          author: "customer",
          body: "Which Calming Donut Bed size fits a beagle?",
          minutesAgo: 4_000,
        },
        {
          author: "agent",
          body: "Medium is perfect for a beagle (up to 15 kg).",
          minutesAgo: 3_950,
        },
      ],
    },
    {
      status: "escalated",
      channel: "contact_form",
      subject: "Wholesale enquiry",
      messages: [
        {
          author: "customer",
          body: "We run a gift shop and would like to stock your lanterns. Do you offer wholesale pricing?",
          minutesAgo: 2_000,
        },
      ],
    },
  ];
}

export type SeedFaq = {
  question: string;
  answer: string;
  category: string;
  published: boolean;
  embedding: number[];
};

const FAQ_TEXT: [string, string, string, boolean][] = [
  [
    "Shipping",
    "How long does shipping take?",
    "Most orders arrive in 5–10 business days in the US and 7–14 days internationally.",
    true,
  ],
  [
    "Shipping",
    "Do you offer free shipping?",
    "Yes, shipping is free on orders over $50. Otherwise it is a flat $4.99.",
    true,
  ],
  [
    "Shipping",
    "Do you ship internationally?",
    "We ship to the US, Canada, the UK, Australia and Germany.",
    true,
  ],
  [
    "Orders",
    "How do I track my order?",
    "You'll get an email with a tracking link as soon as your order ships. You can also find it on the order page.",
    true,
  ],
  [
    "Orders",
    "Can I change or cancel my order?",
    "You can change or cancel an order until it ships. Reply to your confirmation email or chat with us.",
    true,
  ],
  [
    "Returns",
    "What is your return policy?",
    "Returns are free within 30 days of delivery. Items must be unused and in the original packaging.",
    true,
  ],
  [
    "Returns",
    "When will I get my refund?",
    "Refunds go back to your original payment method within 5 business days of us approving the return.",
    true,
  ],
  [
    "Payments",
    "Which payment methods do you accept?",
    "All major cards, Apple Pay and Google Pay.",
    true,
  ],
  [
    "Products",
    "How do I care for linen?",
    "Machine wash cold, tumble dry low. Linen softens with every wash.",
    false,
  ],
];

export function buildFaqs(): SeedFaq[] {
  return FAQ_TEXT.map(([category, question, answer, published]) => ({
    question,
    answer,
    category,
    published,
    embedding: offlineEmbedding(`${question} ${answer}`),
  }));
}
