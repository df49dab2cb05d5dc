package io.syncer.player.desktop;

import io.syncer.player.api.ApiException;
import io.syncer.player.api.SyncerApi;
import io.syncer.player.api.Tokens;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.function.BiConsumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.UIManager;

/**
 * The first window: the server's address, user name and password, to log in or create an
 * account. Mistakes are shown under the form as sentences.
 *
 * <p>Thread-safety: a Swing component; use it on the event dispatch thread.
 */
final class LoginWindow extends JFrame {

  private static final long serialVersionUID = 1L;

  private final transient Texts texts;
  private final transient Background background;
  private final transient BiConsumer<SyncerApi, Tokens> loggedIn;
  private final JTextField server = new JTextField(24);
  private final JTextField username = new JTextField(24);
  private final JPasswordField password = new JPasswordField(24);
  private final JButton logIn;
  private final JButton register;
  private final JLabel message = new JLabel(" ");

  /**
   * @param loggedIn called on the event thread with the client and its tokens once logged in
   */
  LoginWindow(Texts texts, Background background, String rememberedServer, String rememberedUser,
      BiConsumer<SyncerApi, Tokens> loggedIn) {
    super(texts.get("login.title"));
    this.texts = texts;
    this.background = background;
    this.loggedIn = loggedIn;
    this.logIn = new JButton(texts.get("login.logIn"));
    this.register = new JButton(texts.get("login.register"));
    setDefaultCloseOperation(DISPOSE_ON_CLOSE);

    server.setName("login.server");
    server.setText(rememberedServer);
    server.setToolTipText(texts.get("login.serverHint"));
    username.setName("login.username");
    username.setText(rememberedUser);
    password.setName("login.password");
    logIn.setName("login.logIn");
    register.setName("login.register");
    message.setName("login.message");
    message.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));

    JPanel form = new JPanel(new GridBagLayout());
    form.setBorder(BorderFactory.createEmptyBorder(16, 16, 8, 16));
    addRow(form, 0, texts.get("login.server"), server);
    addRow(form, 1, texts.get("login.username"), username);
    addRow(form, 2, texts.get("login.password"), password);
    JLabel hint = new JLabel(texts.get("login.serverHint"));
    hint.setEnabled(false);
    GridBagConstraints below = constraints(1, 3);
    form.add(hint, below);

    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
    buttons.add(register);
    buttons.add(logIn);
    JPanel south = new JPanel(new BorderLayout());
    message.setBorder(BorderFactory.createEmptyBorder(0, 16, 0, 16));
    south.add(message, BorderLayout.NORTH);
    south.add(buttons, BorderLayout.SOUTH);

    add(form, BorderLayout.CENTER);
    add(south, BorderLayout.SOUTH);
    logIn.addActionListener(e -> submit(false));
    register.addActionListener(e -> submit(true));
    getRootPane().setDefaultButton(logIn);
    pack();
    setLocationRelativeTo(null);
  }

  private static void addRow(JPanel form, int row, String label, java.awt.Component field) {
    form.add(new JLabel(label), constraints(0, row));
    GridBagConstraints c = constraints(1, row);
    c.fill = GridBagConstraints.HORIZONTAL;
    c.weightx = 1;
    form.add(field, c);
  }

  private static GridBagConstraints constraints(int x, int y) {
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = x;
    c.gridy = y;
    c.anchor = GridBagConstraints.WEST;
    c.insets = new Insets(4, 4, 4, 4);
    return c;
  }

  /** Shows a sentence under the form (a refused remembered log-in, for example). */
  void showMessage(String text) {
    message.setText(text);
  }

  private void submit(boolean newAccount) {
    String address = server.getText();
    String user = username.getText().strip();
    char[] secret = password.getPassword();
    String passwordText = new String(secret);
    java.util.Arrays.fill(secret, '\0');
    setBusy(true);
    message.setText(texts.get("login.working"));
    background.run(
        () -> {
          SyncerApi api = SyncerApi.forServer(address);
          Tokens tokens = newAccount ? api.register(user, passwordText) : api.logIn(user, passwordText);
          return new Login(api, tokens);
        },
        result -> {
          setBusy(false);
          password.setText("");
          message.setText(" ");
          loggedIn.accept(result.api(), result.tokens());
        },
        failure -> {
          setBusy(false);
          message.setText(failure instanceof ApiException api
              ? texts.error(api, address.strip())
              : texts.problem(failure, address.strip()));
        });
  }

  private record Login(SyncerApi api, Tokens tokens) {}

  private void setBusy(boolean busy) {
    logIn.setEnabled(!busy);
    register.setEnabled(!busy);
  }
}
