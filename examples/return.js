// The standalone example: the sign-in link carries return_to, this page's own address with
// ?back=1, so the page can say the shopper came back.
const here = new URL(window.location.href);
const link = document.getElementById('sign-in');
const back = new URL(here);
back.search = '?back=1';
link.href = `${link.href}?return_to=${encodeURIComponent(back.href)}`;
if (here.searchParams.get('back') === '1') document.getElementById('back').hidden = false;
